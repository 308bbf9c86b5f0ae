// CommonJS entry of the in-extension-host suite for @vscode/test-electron (the extension host
// require()s test runners); the suite itself is the compiled ES module out/test/e2e/suite/index.js.
const path = require('node:path');
const { pathToFileURL } = require('node:url');

exports.run = async function run() {
  const suite = path.resolve(__dirname, '../../../out/test/e2e/suite/index.js');
  return (await import(pathToFileURL(suite).href)).run();
};
