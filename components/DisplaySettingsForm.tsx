import type { DisplaySettings } from '@/lib/model/settings';

export interface DisplaySettingsFormProps {
  settings: DisplaySettings;
  onChange: (changes: Partial<DisplaySettings>) => void;
}

/** How Backstory highlights: first or every mention, what parts of a page it reads, the pause. */
export function DisplaySettingsForm({ settings, onChange }: DisplaySettingsFormProps) {
  return (
    <section aria-labelledby="display-heading">
      <h2 id="display-heading">Highlighting</h2>
      <fieldset class="settings-group">
        <legend>Highlight</legend>
        <label>
          <input
            type="radio"
            name="highlightMode"
            checked={settings.highlightMode === 'first'}
            onChange={() => onChange({ highlightMode: 'first' })}
          />{' '}
          the first mention of each actor or event
        </label>
        <label>
          <input
            type="radio"
            name="highlightMode"
            checked={settings.highlightMode === 'every'}
            onChange={() => onChange({ highlightMode: 'every' })}
          />{' '}
          every mention
        </label>
      </fieldset>
      <fieldset class="settings-group">
        <legend>Also read</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.includeNavigation}
            onChange={(event) => onChange({ includeNavigation: event.currentTarget.checked })}
          />{' '}
          menus, page headers and footers, and side columns
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.includeLinks}
            onChange={(event) => onChange({ includeLinks: event.currentTarget.checked })}
          />{' '}
          link text
        </label>
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={settings.paused}
          onChange={(event) => onChange({ paused: event.currentTarget.checked })}
        />{' '}
        Pause Backstory on every site
      </label>
    </section>
  );
}
