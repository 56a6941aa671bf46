import { render } from 'preact';
import '@/components/theme.css';
import '@/components/reading.css';
import { ReadingListPanel } from './ReadingListPanel';

render(
  <main class="reading-page">
    <h1>Backstory</h1>
    <ReadingListPanel withImports />
  </main>,
  document.getElementById('app')!,
);
