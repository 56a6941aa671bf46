// Word lists for the side panel benchmark's synthetic library (scripts/bench-panel.mjs): real-looking
// given names and surnames, states, cities, organisations, outlets, think tanks and posts, combined
// by bench/panel/synth.mjs into entities and analyses. Written by hand; no external data.

export const GIVEN_NAMES = (
  'Aaron Abdullah Adam Adel Ahmad Aisha Alan Alexander Ali Alice Amal Amir Amy Ana Andrei Andrew Angela ' +
  'Anna Antonio Ayman Bashir Beatriz Benjamin Boris Carlos Caroline Catherine Charles Chen Christine ' +
  'Claire Daniel David Dmitri Elena Elif Emily Emma Eric Farah Fatima Felipe Fiona Francesca Frank ' +
  'Gabriel George Hassan Helen Hiroshi Hugo Ibrahim Igor Ines Irina Isabel Ivan James Jan Javier ' +
  'Jennifer Jessica John Jonathan Jorge Joseph Julia Kamal Karim Katherine Kenji Khalid Laila Laura ' +
  'Leila Li Lina Lucas Luis Maria Mariam Mark Martin Matthew Mehmet Michael Mikhail Mohammed Mona ' +
  'Nadia Natalia Nicholas Nikolai Noor Olga Omar Oscar Paul Pavel Pedro Peter Philip Rachel Rami ' +
  'Rania Rashid Rebecca Richard Robert Rosa Salim Samir Sara Sergei Sofia Stefan Stephen Susan ' +
  'Tamara Thomas Timothy Tomas Vali Victoria Viktor Walid Wei William Xavier Yasmin Yusuf Zainab Ziad'
).split(' ');

export const SURNAMES = (
  'Abbas Abdel Ahmed Albright Aldridge Allen Alvarez Andersen Arslan Asaad Bakr Barnes Bauer Becker ' +
  'Bennett Berg Bishara Blanco Bloom Bowen Brenner Brooks Byrne Carter Castro Chandler Chaudhry Chen ' +
  'Clarke Cohen Collins Costa Dalton Darwish Davies Demir Diaz Dixon Doyle Duarte Duncan Eriksen Evans ' +
  'Farouk Fischer Fleming Ford Fraser Friedman Garcia Gardner Ghanem Gordon Grant Greene Haddad Hahn ' +
  'Halabi Hamdan Hansen Harper Hassan Hayes Hoffmann Howard Hughes Hussein Ibrahim Ivanov Jaber Jensen ' +
  'Johnson Kaplan Karimi Kaya Keller Khalil Khoury Kim Klein Koch Kowalski Kozlov Kraus Kuznetsov ' +
  'Lambert Larsen Lehmann Levy Lewis Lindqvist Lopez Lund Maalouf Malik Mansour Marsh Martens Mason ' +
  'Meyer Mitchell Molina Moreau Morozov Murphy Nair Nasser Navarro Nielsen Novak Obeid Okafor Olsen ' +
  'Ortiz Osman Ozturk Park Patel Pavlov Perez Petrov Popescu Porter Qasim Quinn Rahman Ramos Reed ' +
  'Reyes Richter Rivera Rossi Saad Sabbagh Salameh Sanchez Santos Sato Schmidt Schneider Schulz Shapiro ' +
  'Sharif Silva Sokolov Stein Stewart Suleiman Tanaka Taylor Thompson Tran Turner Vargas Vogel Volkov ' +
  'Wagner Walsh Warren Weber Wolf Wright Yamamoto Yilmaz Young Zaki Zayed Zimmermann'
).split(' ');

/** Used in the most frequent ranks of the library, like Syria or Russia in a Middle East library. */
export const STATES = (
  'United States|Russia|Syria|Turkey|Iran|Iraq|Israel|Saudi Arabia|Egypt|Jordan|Lebanon|Qatar|' +
  'United Arab Emirates|China|France|Germany|United Kingdom|Ukraine|Libya|Yemen|Afghanistan|Pakistan|' +
  'India|Japan|Italy|Spain|Greece|Cyprus|Tunisia|Algeria|Morocco|Sudan|Ethiopia|Somalia|Kenya|Nigeria|' +
  'Mali|Niger|Chad|Kuwait|Bahrain|Oman|Azerbaijan|Armenia|Georgia|Kazakhstan|Uzbekistan|Poland|' +
  'Hungary|Romania|Serbia|Belarus|Moldova|Canada|Brazil|Mexico|South Korea|North Korea|Indonesia|' +
  'Malaysia|Netherlands|Sweden|Norway|Denmark|Finland|Austria|Switzerland|Belgium|Portugal|Venezuela'
).split('|');

export const CITIES = (
  'Aleppo|Damascus|Homs|Hama|Idlib|Raqqa|Deir ez-Zor|Latakia|Tartus|Daraa|Manbij|Kobani|Afrin|Qamishli|' +
  'Mosul|Baghdad|Basra|Kirkuk|Erbil|Fallujah|Ramadi|Tikrit|Beirut|Tripoli|Benghazi|Misrata|Sirte|Sanaa|' +
  'Aden|Hodeidah|Taiz|Marib|Amman|Zarqa|Cairo|Alexandria|Ankara|Istanbul|Gaziantep|Diyarbakir|Tehran|' +
  'Isfahan|Riyadh|Jeddah|Doha|Abu Dhabi|Dubai|Muscat|Kuwait City|Manama|Jerusalem|Tel Aviv|Gaza|Ramallah|' +
  'Hebron|Kabul|Kandahar|Herat|Islamabad|Karachi|Moscow|Sochi|Kyiv|Kharkiv|Donetsk|Mariupol|Odesa|' +
  'Crimea|Geneva|Vienna|Astana|Brussels|Paris|Berlin|London|Washington|New York|Beijing|Munich|Rome|' +
  'Khartoum|Juba|Mogadishu|Addis Ababa|Bamako|Niamey|Tunis|Algiers|Rabat|Baku|Yerevan|Tbilisi|Minsk'
).split('|');

/** Parts of organisation names: "<adjective> <noun> <kind>" or "<kind> of <noun>". */
export const ORG_ADJECTIVES = (
  'National|Islamic|Democratic|Popular|Free|United|Revolutionary|Arab|Kurdish|Syrian|Iraqi|Libyan|' +
  'Yemeni|Turkish|Iranian|Russian|European|African|Gulf|International|Independent|Patriotic|' +
  'Progressive|Liberation|Southern|Northern|Eastern|Western|Central|Federal|Socialist|Unity'
).split('|');
export const ORG_NOUNS = (
  'Salvation|Resistance|Reform|Renewal|Dignity|Justice|Development|Security|Solidarity|Unity|Defence|' +
  'Freedom|Peace|Reconciliation|Sovereignty|Progress|Hope|Future|Dawn|Victory|Labour|Green|Heritage|' +
  'Stability|Recovery|Relief|Rights|Democracy|Liberation|Homeland'
).split('|');
export const ORG_KINDS = (
  'Front|Council|Party|Movement|Army|Brigades|Forces|Alliance|Coalition|Committee|Union|Authority|' +
  'Agency|Commission|Assembly|Bloc|Network|League|Mission|Fund'
).split('|');
export const REAL_ORGS = (
  'United Nations|NATO|European Union|Arab League|African Union|Hezbollah|Hamas|Islamic State|' +
  'Al-Qaeda|Kurdistan Workers Party|Syrian Democratic Forces|Free Syrian Army|Houthis|Taliban|' +
  'International Monetary Fund|World Bank|OPEC|Red Cross|Human Rights Watch|Amnesty International|' +
  'UN Security Council|World Food Programme|UNHCR|Organisation for the Prohibition of Chemical Weapons|' +
  'Islamic Revolutionary Guard Corps|Wagner Group|Muslim Brotherhood|Gulf Cooperation Council'
).split('|');

export const EVENT_PATTERNS = [
  ['talks', '{city} talks {year}'],
  ['talks', '{city} peace conference'],
  ['process', '{city} process'],
  ['process', '{state} constitutional process'],
  ['proposal', '{state} ceasefire proposal {year}'],
  ['proposal', '{city} safe zone proposal'],
  ['offensive', '{city} offensive {year}'],
  ['offensive', 'Battle of {city} {year}'],
  ['crisis', '{state} refugee crisis {year}'],
  ['crisis', '{city} siege {year}'],
  ['crisis', '{state} debt crisis {year}'],
  ['conflict', '{state}–{state2} border conflict'],
  ['conflict', '{state} civil war'],
];

/** About fifty outlets that publish expert analysis, with their domains. */
export const OUTLETS = [
  ['Foreign Affairs', 'foreignaffairs.com'],
  ['Foreign Policy', 'foreignpolicy.com'],
  ['The New York Times', 'nytimes.com'],
  ['The Washington Post', 'washingtonpost.com'],
  ['The Guardian', 'theguardian.com'],
  ['Financial Times', 'ft.com'],
  ['The Economist', 'economist.com'],
  ['Los Angeles Times', 'latimes.com'],
  ['The Wall Street Journal', 'wsj.com'],
  ['The Atlantic', 'theatlantic.com'],
  ['Politico', 'politico.com'],
  ['Al Jazeera', 'aljazeera.com'],
  ['Haaretz', 'haaretz.com'],
  ['The National', 'thenationalnews.com'],
  ['Al-Monitor', 'al-monitor.com'],
  ['War on the Rocks', 'warontherocks.com'],
  ['Lawfare', 'lawfaremedia.org'],
  ['Brookings', 'brookings.edu'],
  ['Carnegie Endowment', 'carnegieendowment.org'],
  ['Chatham House', 'chathamhouse.org'],
  ['Council on Foreign Relations', 'cfr.org'],
  ['Middle East Institute', 'mei.edu'],
  ['Washington Institute', 'washingtoninstitute.org'],
  ['International Crisis Group', 'crisisgroup.org'],
  ['RAND Corporation', 'rand.org'],
  ['European Council on Foreign Relations', 'ecfr.eu'],
  ['Atlantic Council', 'atlanticcouncil.org'],
  ['Project Syndicate', 'project-syndicate.org'],
  ['The Spectator', 'spectator.co.uk'],
  ['Le Monde', 'lemonde.fr'],
  ['Der Spiegel', 'spiegel.de'],
  ['Die Zeit', 'zeit.de'],
  ['El País', 'elpais.com'],
  ['Corriere della Sera', 'corriere.it'],
  ['The Times', 'thetimes.co.uk'],
  ['The Telegraph', 'telegraph.co.uk'],
  ['The Independent', 'independent.co.uk'],
  ['Bloomberg Opinion', 'bloomberg.com'],
  ['Reuters Breakingviews', 'reuters.com'],
  ['The Hill', 'thehill.com'],
  ['National Interest', 'nationalinterest.org'],
  ['Middle East Eye', 'middleeasteye.net'],
  ['Asharq Al-Awsat', 'aawsat.com'],
  ['Daily Sabah', 'dailysabah.com'],
  ['Kommersant', 'kommersant.ru'],
  ['Meduza', 'meduza.io'],
  ['Jerusalem Post', 'jpost.com'],
  ['Times of Israel', 'timesofisrael.com'],
  ['Arab News', 'arabnews.com'],
  ['Syria Deeply', 'newsdeeply.com'],
  ['New Lines Magazine', 'newlinesmag.com'],
  ['Stratfor', 'stratfor.com'],
];

export const INSTITUTIONS = (
  'Brookings Institution|Carnegie Endowment for International Peace|Chatham House|Council on Foreign ' +
  'Relations|Washington Institute for Near East Policy|International Crisis Group|RAND Corporation|' +
  'Middle East Institute|Atlantic Council|European Council on Foreign Relations|Harvard Kennedy School|' +
  'Princeton University|Georgetown University|Columbia University|Sciences Po|King’s College London|' +
  'London School of Economics|University of Oxford|University of Cambridge|Tel Aviv University|' +
  'American University of Beirut|Johns Hopkins SAIS|Center for Strategic and International Studies|' +
  'Stimson Center|Wilson Center|Hoover Institution|German Marshall Fund|SWP Berlin|IISS|Al-Ahram Center|' +
  'Arab Reform Initiative|Moscow State Institute of International Relations|Valdai Club|' +
  'Istanbul Policy Center|Emirates Policy Center|Qatar University|Jordan Strategy Forum|Rice University|' +
  'Stanford University|Yale University'
).split('|');

export const POSTS = [
  'senior fellow at the {inst}',
  'director of the Middle East programme at the {inst}',
  'professor of international relations at {inst}',
  'former US ambassador to {state}; now a visiting fellow at the {inst}',
  'former adviser to the UN special envoy for {state}',
  'non-resident scholar at the {inst}',
  'former {state} foreign ministry official; research associate at {inst}',
  'journalist who covered the war in {state} for a decade; fellow at the {inst}',
  'retired general and former commander of coalition forces in {state}',
  'associate professor of political science at {inst}',
  'former deputy assistant secretary of state for Near Eastern affairs',
  'head of the {state} desk at the {inst}',
];

export const TOPIC_NOUNS = (
  'ceasefire|negotiations|sanctions|airstrikes|reconstruction|refugees|humanitarian corridors|' +
  'safe zone|transition|constitution|elections|militias|proxy war|deterrence|escalation|occupation|' +
  'withdrawal|mediation|amnesty|siege|famine|oil revenues|border crossings|arms deliveries|' +
  'no-fly zone|intelligence sharing|power-sharing|federalism|insurgency|counterterrorism'
).split('|');

export const VERBS = (
  'undermines|strengthens|complicates|reshapes|exposes|delays|accelerates|threatens|rescues|' +
  'legitimises|weakens|redefines|jeopardises|entrenches|tests'
).split('|');

export const ADJECTIVES = (
  'fragile|dangerous|brittle|costly|fleeting|belated|risky|tenuous|decisive|hollow|durable|' +
  'quiet|bitter|pragmatic|cynical'
).split('|');
