// ESLint for the site's JavaScript (plain scripts, no build step) and its Node tests.
// `make lint` runs it. Content must never become markup: assigning innerHTML or outerHTML,
// and insertAdjacentHTML or document.write, are errors.
import js from "@eslint/js";
import globals from "globals";

const ASSETS = "plugins/levelofneed/site_assets/overrides/assets/levelofneed";
const noMarkup = [
  "error",
  {selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
   message: "Insert text with textContent: content must never become markup."},
  {selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
   message: "Insert text with textContent: content must never become markup."},
  {selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]",
   message: "Insert text with textContent: content must never become markup."},
];

export default [
  js.configs.recommended,
  {
    files: [`${ASSETS}/*.js`],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {...globals.browser, document$: "readonly", module: "readonly"},
    },
    rules: {"no-restricted-syntax": noMarkup, "no-var": "off", eqeqeq: "error", "no-implicit-globals": "off"},
  },
  {
    files: [`${ASSETS}/search-worker.js`],
    languageOptions: {globals: {...globals.worker}},
  },
  {
    files: ["plugins/levelofneed/site_assets/offline/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: {...globals.serviceworker, LEVELOFNEED_OFFLINE: "readonly"},
    },
    rules: {"no-restricted-syntax": noMarkup, "no-var": "off", eqeqeq: "error"},
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "commonjs", globals: {...globals.node}},
  },
];
