// What the site's scripts share through the window, and the theme's one global. Used only by
// TypeScript's check of the plain JavaScript (tsconfig.json); nothing here is published.
interface Window {
  LevelOfNeedEngine: any;
  LevelOfNeedState: any;
  LevelOfNeedRecord: any;
  LevelOfNeedSearchCore: any;
  LevelOfNeedSearchWords: any;
  LevelOfNeedSearchQuery: any;
  LevelOfNeedSearchResults: any;
  LevelOfNeedCallNow: any;
  LevelOfNeedOffline: any;
  LevelOfNeedHelper: any;
  LevelOfNeedHelperParts: any;
  LevelOfNeedHelperSteps: (app: any, parts: any) => void;
}
declare var LevelOfNeedEngine: any;
declare var LevelOfNeedState: any;
declare var LevelOfNeedRecord: any;
declare var LevelOfNeedSearchCore: any;
declare var LevelOfNeedSearchWords: any;
declare var LevelOfNeedSearchQuery: any;
declare var LevelOfNeedSearchResults: any;
declare var LevelOfNeedCallNow: any;
declare var LevelOfNeedOffline: any;
/** Material for MkDocs' observable of each page, after instant navigation too. */
declare var document$: {subscribe(next: () => void): void} | undefined;
