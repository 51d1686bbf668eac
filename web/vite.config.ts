import { defineConfig } from 'vite';

// Built into the API's wwwroot so `dotnet run` serves it at /app/ with no node at run time.
export default defineConfig({
  base: '/app/',
  build: {
    outDir: '../src/UpNest.Api/wwwroot/app',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/v1': 'http://localhost:5080' } },
});
