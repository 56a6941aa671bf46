/** The reader's main flows in real Chromium; the same bodies run in Firefox (reader-flows.firefox.ts). */
import { launchChromiumDriver } from './driver/chromium';
import { discoveryFlows } from './flows/discovery.flow';
import { highlightFlows } from './flows/highlights.flow';
import { libraryFlows } from './flows/library.flow';
import { panelFlows } from './flows/panel.flow';
import { readingFlows } from './flows/reading.flow';

highlightFlows(launchChromiumDriver, 'Chromium');
panelFlows(launchChromiumDriver, 'Chromium');
readingFlows(launchChromiumDriver, 'Chromium');
libraryFlows(launchChromiumDriver, 'Chromium');
discoveryFlows(launchChromiumDriver, 'Chromium');
