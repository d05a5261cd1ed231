import '@testing-library/jest-dom';

// jsdom has no layout: recharts' ResponsiveContainer needs a ResizeObserver to mount (the charts
// draw nothing at width 0, which is fine for tests of the numbers around them).
class NoLayoutResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as any).ResizeObserver ??= NoLayoutResizeObserver;
