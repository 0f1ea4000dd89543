import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './design/tokens.css';
import './design/base.css';
import './design/components.css';
import './app/layout.css';
import './features/features.css';
import './features/schedule/schedule.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
