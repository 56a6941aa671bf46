import { render } from 'preact';
import '@/components/theme.css';
import '@/components/reading.css';
import { ReaderApp } from './ReaderApp';

render(<ReaderApp />, document.getElementById('app')!);
