// Deterministic synthetic library for the side panel benchmark (scripts/bench-panel.mjs): entities
// (actors and events with aliases) ordered by how often analyses discuss them, analyses drawn with a
// Zipf-like skew over those entities, the pages (30 actors and events each) the panel ranks for, and
// realistic search queries. Same seed, same library.
import {
  ADJECTIVES,
  CITIES,
  EVENT_PATTERNS,
  GIVEN_NAMES,
  INSTITUTIONS,
  ORG_ADJECTIVES,
  ORG_KINDS,
  ORG_NOUNS,
  OUTLETS,
  POSTS,
  REAL_ORGS,
  STATES,
  SURNAMES,
  TOPIC_NOUNS,
  VERBS,
} from './words.mjs';
import { createRandom } from '../shared.mjs';

export { createRandom };

const pick = (random, list) => list[Math.floor(random() * list.length)];
const between = (random, min, max) => min + Math.floor(random() * (max - min + 1));

/** Draws ranks 0..n-1 with P(rank r) ∝ 1 / (r + 1)^s (binary search over the cumulative weights). */
export function zipf(n, s, random) {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) cumulative[r] = sum += 1 / Math.pow(r + 1, s);
  return () => {
    const target = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export const slug = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const initials = (name) =>
  name
    .split(/\s+/)
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('');

const DESCRIPTIONS = {
  person: (name, random) =>
    `${name}, ${pick(random, ['a senior official', 'a militia commander', 'an opposition leader', 'a diplomat', 'a minister', 'an envoy'])} ` +
    `involved in ${pick(random, TOPIC_NOUNS)} around ${pick(random, CITIES)}.`,
  state: (name) => `${name}, a state whose policies shape the conflicts this library follows.`,
  organisation: (name, random) =>
    `${name}, an organisation active in ${pick(random, STATES)} and ${pick(random, STATES)}.`,
  group: (name, random) => `${name}, an armed group fighting around ${pick(random, CITIES)}.`,
  place: (name, random) => `${name}, a city whose control ${pick(random, VERBS)} the balance of the war.`,
  event: (name, random) => `${name}: a turning point for ${pick(random, TOPIC_NOUNS)} in the region.`,
};

/**
 * `count` entities, most frequent first: index = frequency rank. Real states, organisations and cities
 * mostly take the top ranks (as Syria or Russia would in a real library); generated people,
 * organisations and events fill the long tail.
 */
export function buildEntities(count, seed = 1) {
  const random = createRandom(seed);
  const taken = new Set();
  const drafts = [];
  const add = (kind, category, name, prominent) => {
    const key = name.toLowerCase();
    if (taken.has(key)) return false;
    taken.add(key);
    drafts.push({ kind, category, name, order: prominent ? random() * 0.35 : 0.05 + random() });
    return true;
  };
  for (const name of STATES) add('actor', 'state', name, true);
  for (const name of REAL_ORGS)
    add(
      'actor',
      /Forces|Army|State|Qaeda|Hezbollah|Hamas|Houthis|Taliban|Wagner/.test(name) ? 'group' : 'organisation',
      name,
      true,
    );
  for (const name of CITIES) add('actor', 'place', name, random() < 0.5);
  const rest = Math.max(0, count - drafts.length);
  const events = Math.round(rest * 0.12);
  const orgs = Math.round(rest * 0.15);
  for (let made = 0; made < events;) {
    const [category, pattern] = pick(random, EVENT_PATTERNS);
    const state = pick(random, STATES);
    const name = pattern
      .replace('{city}', pick(random, CITIES))
      .replace(
        '{state2}',
        pick(
          random,
          STATES.filter((s) => s !== state),
        ),
      )
      .replace('{state}', state)
      .replace('{year}', String(between(random, 2003, 2024)));
    if (add('event', category, name, false)) made++;
  }
  for (let made = 0; made < orgs;) {
    const name =
      random() < 0.7
        ? `${pick(random, ORG_ADJECTIVES)} ${pick(random, ORG_NOUNS)} ${pick(random, ORG_KINDS)}`
        : `${pick(random, ORG_KINDS)} of ${pick(random, ORG_ADJECTIVES)} ${pick(random, ORG_NOUNS)}`;
    if (add('actor', random() < 0.4 ? 'group' : 'organisation', name, false)) made++;
  }
  while (drafts.length < count) {
    const middle = random() < 0.15 ? ` ${pick(random, ['al-', 'bin ', 'de ', 'van ', 'von '])}` : ' ';
    const name = `${pick(random, GIVEN_NAMES)}${middle}${pick(random, SURNAMES)}`;
    add('actor', 'person', name, false);
  }
  drafts.sort((a, b) => a.order - b.order);
  const ids = new Set();
  const entities = drafts.slice(0, count).map((draft, rank) => {
    let id = slug(draft.name);
    for (let n = 2; ids.has(id); n++) id = `${slug(draft.name)}-${n}`;
    ids.add(id);
    const aliases = [];
    if (draft.category === 'person') {
      const last = draft.name.split(' ').at(-1);
      aliases.push({ text: last, ambiguous: true });
      if (random() < 0.5)
        aliases.push({
          text: `${pick(random, ['President', 'Minister', 'General', 'Sheikh', 'Ambassador'])} ${last}`,
        });
    } else if (draft.category === 'organisation' || draft.category === 'group') {
      const acronym = initials(draft.name);
      if (acronym.length >= 2) aliases.push({ text: acronym, caseSensitive: true });
    } else if (draft.kind === 'event' && random() < 0.5) {
      aliases.push({ text: draft.name.replace(/ \d{4}$/, '') });
    }
    return {
      id,
      kind: draft.kind,
      category: draft.category,
      name: draft.name,
      description: DESCRIPTIONS[draft.kind === 'event' ? 'event' : draft.category](draft.name, random).slice(
        0,
        300,
      ),
      aliases,
      related: [],
      rank,
      updatedAt: 1_700_000_000_000 + rank,
    };
  });
  // A few related entities each, among the frequent ones (as a state to its capital).
  const head = Math.max(10, Math.floor(count / 50));
  for (const entity of entities) {
    const related = new Set();
    for (let n = between(random, 0, 4); n > 0; n--) {
      const other = entities[Math.floor(random() * head)];
      if (other.id !== entity.id) related.add(other.id);
    }
    entity.related = [...related];
  }
  return entities;
}

/** Analysts who write the analyses: a few prolific ones, many occasional ones. */
function buildAuthors(count, random) {
  const names = new Set();
  const authors = [];
  while (authors.length < count) {
    const name = `${pick(random, GIVEN_NAMES)} ${pick(random, SURNAMES)}`;
    if (names.has(name)) continue;
    names.add(name);
    const post = pick(random, POSTS)
      .replace('{inst}', pick(random, INSTITUTIONS))
      .replace('{state}', pick(random, STATES));
    const credentials = `${post[0].toUpperCase()}${post.slice(1)}; author of "${pick(random, ['The', 'A'])} ${pick(random, ADJECTIVES)} ${pick(random, TOPIC_NOUNS)}".`;
    authors.push({ name, credentials });
  }
  return authors;
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2010, 0, 1) / DAY;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY;
const isoDay = (day) => new Date(day * DAY).toISOString().slice(0, 10);

const TITLES = [
  'What {P} is really up to in {S}',
  'Why {S} needs a {adj} {topic}',
  '{P} and {Q}: a {adj} partnership',
  'The {topic} in {C} will not end the war',
  'How {P} outplayed {Q} over {topic}',
  'Is {topic} still possible in {S}?',
  '{E}: lessons for {S}',
  'The coming {topic} in {C}',
  'Don’t count on {Q} to fix {S}',
  '{S} after the {E}',
  'The {adj} logic of {P}’s {topic}',
  'Who wins from {topic} in {C}?',
];
const SENTENCES = [
  '{Last} argues that {P}’s {topic} in {C} {verb} the {adj} {topic2} between {S} and {Q}.',
  'The {topic} agreed at the {E} was always {adj}, the author says, because {Q} never meant to honour it.',
  '{Q} should press {P} by linking {topic} to {topic2}, a {adj} step that would reshape the balance in {S}.',
  'Without {topic}, {Last} warns, {S} faces a {adj} decade of {topic2} and ever deeper dependence on {Q}.',
  '{Last} traces how {topic} {verb} the position of {P} and its allies around {C} since the {E}.',
  'Outside powers, from {S} to {Q}, keep treating {topic} as a bargaining chip rather than a goal.',
];
const KEY_POINTS = [
  '{P} uses {topic} to buy time while its forces consolidate around {C}.',
  'The {E} showed that {topic} without guarantees is {adj} and easily reversed.',
  '{Q} {verb} its own leverage by tying {topic} to {topic2}.',
  'Any settlement in {S} must address {topic} before {topic2}.',
  'Regional rivals read {P}’s moves in {C} as a test of {Q}’s resolve.',
  'Civilians in {C} pay for the {adj} {topic} with hunger and displacement.',
  'The author expects {topic2} to return within a year unless {Q} changes course.',
];

/**
 * Fills a template with names from the analysis's own entities where it has the right kind
 * (P, Q: actors; S: a state; C: a place; E: an event), else with names from the word lists.
 */
function filler(random, own, authorLast) {
  const byCategory = (test) => own.filter(test);
  const actors = byCategory((e) => e.kind === 'actor' && e.category !== 'place');
  const states = byCategory((e) => e.category === 'state');
  const places = byCategory((e) => e.category === 'place');
  const events = byCategory((e) => e.kind === 'event');
  const nameOf = (list, fallback) => (list.length ? pick(random, list).name : pick(random, fallback));
  return (template) =>
    template.replace(/\{(\w+)\}/g, (_, key) => {
      switch (key) {
        case 'P':
        case 'Q':
          return nameOf(actors, STATES);
        case 'S':
          return nameOf(states, STATES);
        case 'C':
          return nameOf(places, CITIES);
        case 'E':
          return events.length ? pick(random, events).name : `${pick(random, CITIES)} talks`;
        case 'Last':
          return authorLast;
        case 'topic':
        case 'topic2':
          return pick(random, TOPIC_NOUNS);
        case 'adj':
          return pick(random, ADJECTIVES);
        case 'verb':
          return pick(random, VERBS);
        default:
          return key;
      }
    });
}

const capitalise = (text) => text[0].toUpperCase() + text.slice(1);

/**
 * Yields the library's analyses in batches. Each one has 1–3 authors with credentials, an outlet,
 * a date in 2010–2024, a summary of about 50 words, 3–5 key points and 5–15 entities drawn with
 * P(rank r) ∝ 1/(r+1)^s, so a few entities appear in a large share of the library.
 */
export function* analysisBatches({ count, entities, seed = 2, batchSize = 5000, zipfExponent = 1 }) {
  const random = createRandom(seed);
  const drawEntity = zipf(entities.length, zipfExponent, random);
  const authors = buildAuthors(Math.max(200, Math.floor(count / 8)), random);
  const drawAuthor = zipf(authors.length, 0.8, random);
  const drawOutlet = zipf(OUTLETS.length, 0.7, random);
  let batch = [];
  for (let i = 0; i < count; i++) {
    const ranks = new Set();
    const wanted = between(random, 5, 15);
    while (ranks.size < wanted) ranks.add(drawEntity());
    const own = [...ranks].map((rank) => entities[rank]);
    const team = new Set();
    const size = random() < 0.6 ? 1 : random() < 0.75 ? 2 : 3;
    while (team.size < size) team.add(drawAuthor());
    const byline = [...team].map((a) => authors[a]);
    const fill = filler(random, own, byline[0].name.split(' ').at(-1));
    const title = capitalise(fill(pick(random, TITLES)));
    const sentences = [];
    let words = 0;
    while (words < 45) {
      const sentence = capitalise(fill(pick(random, SENTENCES)));
      sentences.push(sentence);
      words += sentence.split(' ').length;
    }
    const keyPoints = [];
    for (let n = between(random, 3, 5); n > 0; n--)
      keyPoints.push(capitalise(fill(pick(random, KEY_POINTS))));
    const [outlet, domain] = OUTLETS[drawOutlet()];
    const day = between(random, FIRST_DAY, LAST_DAY);
    const publishedAt = isoDay(day);
    const id = `${slug(title).slice(0, 48).replace(/-+$/, '')}-${i.toString(36)}`;
    batch.push({
      id,
      url: `https://www.${domain}/${publishedAt.slice(0, 4)}/${publishedAt.slice(5, 7)}/${id}`,
      title,
      authors: byline.map((author) => ({ ...author })),
      outlet,
      publishedAt,
      summary: sentences.join(' '),
      keyPoints,
      entityIds: own.map((entity) => entity.id),
      language: 'en',
      addedAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** The typical page's three frequent entities (0-based frequency ranks). */
export const FREQUENT_RANKS = [14, 29, 47];

/**
 * The entity ranks of a news page's 30 actors and events, as fractions of the entity pool (or fixed
 * top ranks): `typical` mixes 3 frequent, 7 middling and 20 rare ones (the headline case);
 * `narrow` has only rare ones; `broad` also names the three most frequent entities of the library.
 */
export function pageRanks(kind, entityCount) {
  const logSpaced = (n, from, to) =>
    Array.from({ length: n }, (_, i) =>
      Math.round(Math.exp(Math.log(from) + ((Math.log(to) - Math.log(from)) * i) / (n - 1))),
    );
  const mid = logSpaced(7, 0.003 * entityCount, 0.05 * entityCount);
  const rare = logSpaced(20, 0.06 * entityCount, 0.95 * entityCount);
  const ranks =
    kind === 'narrow'
      ? logSpaced(30, 0.05 * entityCount, 0.95 * entityCount)
      : kind === 'broad'
        ? [0, 1, 2, 6, 14, 30, ...mid.slice(3), ...rare]
        : [...FREQUENT_RANKS, ...mid, ...rare];
  // Keep 30 distinct ranks inside the pool.
  const unique = [];
  for (let rank of ranks) {
    rank = Math.min(entityCount - 1, rank);
    while (unique.includes(rank)) rank++;
    unique.push(rank);
  }
  return unique.slice(0, 30);
}

/** A news page's state as the content script would report it (lib/protocol/messages.ts PageState). */
export function pageState(kind, entities, seed = 3) {
  const random = createRandom(seed);
  const ranks = pageRanks(kind, entities.length);
  const mentions = ranks.map((rank, i) => {
    const entity = entities[rank];
    return {
      entityId: entity.id,
      name: entity.name,
      kind: entity.kind,
      count: i < 3 ? between(random, 4, 12) : between(random, 1, 4),
      ...(i < 2 ? { inTitle: true } : {}),
      ...(i < 5 ? { inLead: true } : {}),
    };
  });
  return {
    url: `http://127.0.0.1/news/${kind}-page.html`,
    title: `${mentions[0].name} and ${mentions[1].name}: what the latest talks mean`,
    publishedAt: '2016-03-15',
    active: true,
    mentions,
    reportedAt: 1_700_000_000_000,
  };
}

/**
 * Ten or more realistic queries, taken from the generated library itself: an author's full name, an
 * author's surname, outlets, entity names, a two-word phrase from a summary, prefixes and topics.
 * `sample` is a few analyses of the library (e.g. its first batch).
 */
export function searchQueries(sample, entities) {
  const authorCounts = new Map();
  for (const analysis of sample)
    for (const author of analysis.authors)
      authorCounts.set(author.name, (authorCounts.get(author.name) ?? 0) + 1);
  const prolific = [...authorCounts].sort((a, b) => b[1] - a[1])[0][0];
  const occasional = [...authorCounts].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0][0];
  const person = entities.find((e, rank) => rank > 40 && e.category === 'person');
  const event = entities.find((e, rank) => rank > 20 && e.kind === 'event');
  const summaryWords = sample[7].summary.replace(/[.,]/g, '').split(' ');
  const phrase = `${summaryWords[8]} ${summaryWords[9]}`.toLowerCase();
  return [
    { kind: 'author (full name)', query: prolific },
    { kind: 'author (surname)', query: occasional.split(' ').at(-1) },
    { kind: 'outlet', query: 'Foreign Affairs' },
    { kind: 'outlet', query: 'Carnegie' },
    { kind: 'entity (person)', query: person.name },
    { kind: 'entity (event)', query: event.name },
    { kind: 'entity (state)', query: entities.find((e) => e.category === 'state' && e.rank > 5).name },
    { kind: 'summary phrase', query: phrase },
    { kind: 'topic phrase', query: 'humanitarian corridors' },
    { kind: 'prefix', query: 'negot' },
    { kind: 'prefix', query: 'reconstr' },
    { kind: 'two topics', query: 'ceasefire sanctions' },
  ];
}
