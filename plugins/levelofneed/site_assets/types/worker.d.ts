// The search core, as the worker sees it after importScripts. Used only by TypeScript's check.
declare var LevelOfNeedSearchCore: any;
declare var LevelOfNeedSearchWords: any;
declare var LevelOfNeedSearchQuery: any;
declare var LevelOfNeedSearchResults: any;
