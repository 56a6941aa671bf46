import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_SETTINGS, readDisplaySettings, siteKey } from './settings';

describe('readDisplaySettings', () => {
  it('fills missing fields with defaults and drops damaged ones', () => {
    expect(readDisplaySettings(undefined)).toEqual(DEFAULT_DISPLAY_SETTINGS);
    expect(readDisplaySettings({ highlightMode: 'every', paused: 'yes', extra: 1 })).toEqual({
      ...DEFAULT_DISPLAY_SETTINGS,
      highlightMode: 'every',
    });
  });
});

describe('siteKey', () => {
  it('is the host without www., for web pages only', () => {
    expect(siteKey('https://www.BBC.co.uk/news/x?y=1')).toBe('bbc.co.uk');
    expect(siteKey('http://127.0.0.1:8080/demo/')).toBe('127.0.0.1');
    expect(siteKey('chrome-extension://abc/sidepanel.html')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
  });
});
