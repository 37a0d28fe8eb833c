// Times the in-page key-file signer (wwwroot/js/eds.js) in Debian's Chromium, driven by the
// Playwright that the Browser tests already use (its Node package, from the NuGet cache): from
// the click on the submit button (a capturing 'submit' listener) to the moment the signer hands
// the signed XML to form.submit() — the browser's own work, no network, no server.
// Usage: node bench/keyfile-sign/run.js KEY.p12 [PASSWORD] [RUNS] [CPU_SLOWDOWN]
// CPU_SLOWDOWN (DevTools' CPU throttling, e.g. 4) stands in for a phone-class CPU.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const home = os.homedir();
const pwDir = fs.readdirSync(path.join(home, '.nuget/packages/microsoft.playwright')).sort().pop();
const { chromium } = require(path.join(home, '.nuget/packages/microsoft.playwright', pwDir, '.playwright/package'));

const [keyFile, password = 'Qwerty12', runsArg = '7', slowdownArg = '1'] = process.argv.slice(2);
if (!keyFile) { console.error('usage: run.js KEY.p12 [PASSWORD] [RUNS] [CPU_SLOWDOWN]'); process.exit(2); }
// EDS_BENCH_WWWROOT: another copy of wwwroot (e.g. an older commit's) to compare with.
const wwwroot = process.env.EDS_BENCH_WWWROOT || path.join(__dirname, '../../src/OpenAlmaty.Kindergarten.Web/wwwroot');
const xml = '<login><nonce>0123456789abcdef0123456789abcdef</nonce><at>2026-11-30T07:00:00Z</at></login>';
const page = `<!DOCTYPE html><html><body>
<form method="post" action="/done" data-eds-form data-eds-xml="${xml.replace(/</g, '&lt;').replace(/>/g, '&gt;')}">
<input type="hidden" name="signedXml" data-eds-result>
<div data-eds-signer data-eds-key-type="AUTHENTICATION" data-eds-test-certs="true" data-eds-locale="ru" data-eds-token-names="{}">
<select data-eds-storage><option value="PKCS12">nca</option><option value="file" selected>file</option></select>
<div data-eds-file-fields><input type="file" data-eds-file><input type="password" data-eds-password></div>
<div data-eds-status></div><div hidden><span data-eds-message="signing">…</span><span data-eds-message="sending">…</span></div>
</div><button type="submit" data-eds-submit>go</button></form>
<script>
window.edsBench = {};
window.addEventListener('submit', function () { window.edsBench.start = performance.now(); }, true);
HTMLFormElement.prototype.submit = function () {
  window.edsBench.ms = performance.now() - window.edsBench.start;
  window.edsBench.signed = this.querySelector('[data-eds-result]').value;
};
</script>
<script src="/lib/node-forge/forge.min.js"></script><script src="/js/eds-keyfile.js"></script><script src="/js/eds.js"></script></body></html>`;

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const times = [];
  let signed = '';
  for (let i = 0; i < Number(runsArg); i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    // No NCALayer here: its WebSocket is refused at once, as on a computer without it.
    await context.route('**/*', route => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: page });
      const file = path.join(wwwroot, url.pathname);
      if (file.startsWith(wwwroot) && fs.existsSync(file)) return route.fulfill({ path: file });
      return route.fulfill({ status: 404, body: '' });
    });
    if (Number(slowdownArg) > 1) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slowdownArg) });
    }
    await tab.goto('http://localhost/');
    await tab.setInputFiles('[data-eds-file]', keyFile);
    await tab.fill('[data-eds-password]', password);
    await tab.click('[data-eds-submit]');
    await tab.waitForFunction(() => window.edsBench.ms !== undefined
      || !/^(signing|)$/.test(document.querySelector('[data-eds-status]').dataset.edsState || ''), null, { timeout: 120000 });
    const result = await tab.evaluate(() => window.edsBench);
    if (result.ms === undefined) {
      console.log('refused: ' + await tab.evaluate(() => document.querySelector('[data-eds-status]').dataset.edsState));
      process.exit(1);
    }
    times.push(result.ms);
    signed = result.signed;
    await context.close();
  }
  await browser.close();
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`runs: ${times.map(t => t.toFixed(0)).join(', ')} ms`);
  console.log(`median: ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (cpu slowdown ${slowdownArg}x)`);
  if (process.env.EDS_BENCH_OUT) fs.writeFileSync(process.env.EDS_BENCH_OUT, signed);
})().catch(e => { console.error(e); process.exit(1); });
