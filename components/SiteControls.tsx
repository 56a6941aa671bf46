export interface SiteControlsProps {
  /** The site of the current tab (no `www.`), or null for pages Backstory does not read. */
  host: string | null;
  enabled: boolean;
  paused: boolean;
  onSiteChange: (enabled: boolean) => void;
  onPauseChange: (paused: boolean) => void;
}

/** The per-site switch and the global pause. */
export function SiteControls({ host, enabled, paused, onSiteChange, onPauseChange }: SiteControlsProps) {
  return (
    <fieldset class="site-controls">
      <legend class="visually-hidden">Where Backstory highlights</legend>
      {host && (
        <label>
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => onSiteChange(event.currentTarget.checked)}
          />{' '}
          Highlight on {host}
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={paused}
          onChange={(event) => onPauseChange(event.currentTarget.checked)}
        />{' '}
        Pause everywhere
      </label>
    </fieldset>
  );
}
