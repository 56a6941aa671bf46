import { render } from 'preact';
import '@/components/theme.css';
import '@/components/library.css';
import '@/components/reading.css';
import { SidePanelApp } from './SidePanelApp';

render(<SidePanelApp />, document.getElementById('app')!);
