// Layer rules (see README, "Layout"). A wrong import fails `npm test`.
module.exports = {
  forbidden: [
    {
      name: 'common-is-pure',
      comment: 'common/ is the pure layer: no Electron, Node, DOM libraries, React, howler or wavesurfer, and nothing from main/ or renderer/.',
      severity: 'error',
      from: { path: '^common/' },
      to: { pathNot: '^common/|(^|/)node_modules/(zod|yaml|franc|iso-639-3)/' },
    },
    {
      name: 'common-no-builtins',
      severity: 'error',
      from: { path: '^common/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-no-electron-node-main',
      comment: 'The renderer reaches the main process only through the bridge.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^main/' },
    },
    {
      name: 'renderer-no-builtins',
      comment: 'No node:* modules and no electron in the renderer: it runs sandboxed and in a plain browser.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^renderer/', pathNot: '^renderer/vite\\.config\\.ts$' },
    },
    {
      name: 'only-player-imports-howler',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/player/' },
      to: { path: '(^|/)node_modules/howler/' },
    },
    {
      name: 'only-waveform-imports-wavesurfer',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/waveform/' },
      to: { path: '(^|/)node_modules/wavesurfer\\.js/' },
    },
    {
      name: 'features-not-composition-root',
      comment: 'renderer/app/ is the composition root: it imports the features, never the other way round. Shared pieces live in renderer/shell, renderer/ui, renderer/bridge or renderer/session.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/(app/|main\\.tsx$)' },
      to: { path: '^renderer/app/' },
    },
    {
      name: 'session-not-views',
      comment: 'A document session owns controllers, not views: it never imports React components, the shell or the composition root.',
      severity: 'error',
      from: { path: '^renderer/session/' },
      to: { path: '^renderer/(app|shell)/|\\.tsx$' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Treat Electron like a Node built-in, so the "no built-ins" rules cover it too.
    builtInModules: { add: ['electron'] },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Not node_modules: excluding it would hide imports of packages from the rules.
    exclude: { path: '^(out|dist|tests/fixtures/layers)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
