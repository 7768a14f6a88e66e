import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { isPrintJobWindow, PrintJobPage } from './print/PrintJobPage';
import './print/print.css';
import './ui/screen.css';

const queryClient = new QueryClient({
  defaultOptions: {
    // Records change only through this app: no polling, no refetch on focus (it would hold off the idle lock).
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100vh' }}>
      <QueryClientProvider client={queryClient}>
        {isPrintJobWindow() ? <PrintJobPage /> : <App />}
      </QueryClientProvider>
    </FluentProvider>
  </StrictMode>,
);
