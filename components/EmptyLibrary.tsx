export interface EmptyLibraryProps {
  onOpenSettings: () => void;
}

/** What to do when the library holds no analyses. */
export function EmptyLibrary({ onOpenSettings }: EmptyLibraryProps) {
  return (
    <div class="empty-state" role="status">
      <p>Your library is empty. Backstory needs expert analyses to connect to the news:</p>
      <ul>
        <li>import a pack of analyses (a JSON file),</li>
        <li>subscribe to a commentary feed,</li>
        <li>or add a page you are reading as an analysis.</li>
      </ul>
      <button type="button" onClick={onOpenSettings}>
        Open settings to import a pack
      </button>
    </div>
  );
}
