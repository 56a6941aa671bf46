import { render } from 'preact';
import '@/components/theme.css';
import { SidePanelApp } from './SidePanelApp';

render(<SidePanelApp />, document.getElementById('app')!);
