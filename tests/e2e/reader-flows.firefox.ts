/** The reader's main flows in real Firefox: the bodies the Chromium suite runs (reader-flows.e2e.ts). */
import { launchFirefoxDriver } from './driver/firefox';
import { discoveryFlows } from './flows/discovery.flow';
import { highlightFlows } from './flows/highlights.flow';
import { libraryFlows } from './flows/library.flow';
import { panelFlows } from './flows/panel.flow';
import { readingFlows } from './flows/reading.flow';

highlightFlows(launchFirefoxDriver, 'Firefox');
panelFlows(launchFirefoxDriver, 'Firefox');
readingFlows(launchFirefoxDriver, 'Firefox');
libraryFlows(launchFirefoxDriver, 'Firefox');
discoveryFlows(launchFirefoxDriver, 'Firefox');
