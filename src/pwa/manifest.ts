import type { ManifestOptions } from 'vite-plugin-pwa';

/** The install manifest. `id` is frozen: changing it makes browsers treat the app as a new one. */
export const manifest: Partial<ManifestOptions> = {
  id: '/',
  name: 'Veldwerk – sociaal werk op huisbezoek',
  short_name: 'Veldwerk',
  description: 'Huisbezoeknotities, opvolging en de lokale sociale kaart, ook zonder verbinding.',
  lang: 'nl-BE',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#0055cc',
  background_color: '#ffffff',
  categories: ['productivity', 'medical'],
  icons: [
    { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
  shortcuts: [
    {
      name: 'Nieuwe huisbezoeknotitie',
      short_name: 'Notitie',
      url: '/bezoek/nieuw',
      icons: [{ src: '/icons/shortcut-note-96.png', sizes: '96x96', type: 'image/png' }],
    },
    {
      name: 'Partners',
      short_name: 'Partners',
      url: '/partners',
      icons: [{ src: '/icons/shortcut-partners-96.png', sizes: '96x96', type: 'image/png' }],
    },
  ],
};
