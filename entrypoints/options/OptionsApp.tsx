import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DisplaySettingsForm } from '@/components/DisplaySettingsForm';
import { LibraryStatsView } from '@/components/LibraryStatsView';
import { PackImport, type PackImportState } from '@/components/PackImport';
import { createRequester, ProtocolError } from '@/lib/protocol/client';
import type { DisplaySettings } from '@/lib/model/settings';
import type { LibraryStats } from '@/lib/protocol/messages';
import { BackupSection, DigestSection, EntitiesSection, FeedsSection } from './LibrarySections';

const request = createRequester((envelope) => browser.runtime.sendMessage(envelope));

/** Wires the settings page: library figures, display settings, and every way to grow the library. */
export function OptionsApp() {
  const [stats, setStats] = useState<LibraryStats | null>(null);
  const [importState, setImportState] = useState<PackImportState>({ status: 'idle' });
  const [settings, setSettings] = useState<DisplaySettings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);

  useEffect(() => void request('settings.get', {}).then(setSettings), []);
  const changeSettings = (changes: Partial<DisplaySettings>) =>
    void request('settings.set', { changes })
      .then((saved) => (setSettings(saved), setSettingsError(null)))
      .catch((error: Error) => setSettingsError(error.message));

  const refresh = useCallback(() => void request('library.stats', {}).then(setStats), []);
  useEffect(refresh, [refresh]);

  const onFile = async (fileName: string, text: string) => {
    setImportState({ status: 'busy', fileName });
    try {
      const report = await request('pack.import', { text });
      setImportState({ status: 'done', fileName, report });
    } catch (error) {
      const details = error instanceof ProtocolError ? error.details : [];
      setImportState({ status: 'failed', fileName, message: (error as Error).message, details });
    }
    refresh();
  };

  return (
    <main>
      <h1>Backstory settings</h1>
      <LibraryStatsView stats={stats} />
      {settings && <DisplaySettingsForm settings={settings} onChange={changeSettings} />}
      {settingsError && (
        <p class="error" role="alert">
          {settingsError}
        </p>
      )}
      <nav class="options-nav" aria-label="Sections">
        <a href="#feeds">Feeds</a> · <a href="#entities">Actors and events</a> · <a href="#digest">Digests</a>{' '}
        · <a href="#packs">Packs</a> · <a href="#backup">Backup</a> ·{' '}
        <a href={browser.runtime.getURL('/reading.html')}>Reading list</a>
      </nav>
      <div id="feeds">
        <FeedsSection request={request} onChanged={refresh} />
      </div>
      <div id="entities">
        <EntitiesSection request={request} onChanged={refresh} />
      </div>
      <div id="digest">
        <DigestSection request={request} onChanged={refresh} />
      </div>
      <div id="packs">
        <PackImport state={importState} onFile={(name, text) => void onFile(name, text)} />
      </div>
      <div id="backup">
        <BackupSection request={request} onChanged={refresh} />
      </div>
    </main>
  );
}
