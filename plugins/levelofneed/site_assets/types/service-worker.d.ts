// What the build writes above the service worker (levelofneed.offline.site.worker_script).
declare var LEVELOFNEED_OFFLINE: {version: string, build: string, core: string[], notSaved: string, plan: string,
  versionFile: string};
