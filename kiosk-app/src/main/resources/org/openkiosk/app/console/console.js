// The hall console in the browser: live view over server-sent events, actions as JSON POSTs with the CSRF token.
// Every text from the kiosks is set with textContent, never as HTML.
'use strict';

const TEXTS = {
  zh: {
    title: '大厅运维台', role_viewer: '只读', role_operator: '运维', language: 'English', logout: '退出',
    help: '呼叫工作人员', noHelp: '现在没有市民呼叫。', waiting: '已等待', acknowledge: '前往处理', done: '已处理',
    open: '等待响应', acknowledged: '工作人员正在赶来', screen: '页面', service: '业务',
    kiosks: '自助终端', online: '在线', offline: '离线', inService: '服务中', outOfService: '暂停服务',
    sessions: '今日人次', alarms: '告警', noAlarms: '无告警', paper: '纸',
    reason: '暂停原因', oos: '暂停服务', back: '恢复服务', reload: '重新加载配置', diagnostics: '收集诊断',
    restart: '空闲时重启', ping: '测试连接', download: '下载诊断包', needReason: '请先填写暂停原因（终端会显示）。',
    sending: '已发送，等待终端回复…', applied: '终端已执行', rejected: '终端拒绝', failed: '执行失败',
    'no-reply': '终端没有回复', 'not-sent': '未能发送', refused: '被拒绝',
    log: '事件记录', logFilter: '终端', logAll: '全部终端', linkDown: '与服务器的连接中断，正在重连…',
    types: { online: '上线', offline: '离线', 'alarm-raised': '告警', 'alarm-cleared': '告警解除', command: '指令',
             reply: '回复', 'help-open': '市民呼叫', 'help-acknowledged': '已响应呼叫', 'help-done': '呼叫已处理',
             'help-cancelled': '呼叫已取消', event: '事件' },
    paperLevels: { OK: '正常', NEAR_END: '将尽', EMPTY: '缺纸' }
  },
  en: {
    title: 'Hall console', role_viewer: 'viewer', role_operator: 'operator', language: '中文', logout: 'Log out',
    help: 'Help calls', noHelp: 'No citizen is calling for help.', waiting: 'waiting', acknowledge: 'Acknowledge',
    done: 'Done', open: 'waiting for staff', acknowledged: 'staff on the way', screen: 'screen', service: 'service',
    kiosks: 'Kiosks', online: 'online', offline: 'offline', inService: 'in service', outOfService: 'out of service',
    sessions: 'sessions today', alarms: 'Alarms', noAlarms: 'no alarms', paper: 'paper',
    reason: 'reason for out of service', oos: 'Out of service', back: 'Back in service', reload: 'Reload configuration',
    diagnostics: 'Collect diagnostics', restart: 'Restart when idle', ping: 'Ping', download: 'Download the bundle',
    needReason: 'Type the reason first (the kiosk shows it).', sending: 'Sent; waiting for the kiosk…',
    applied: 'applied', rejected: 'rejected', failed: 'failed', 'no-reply': 'no reply from the kiosk',
    'not-sent': 'not sent', refused: 'refused',
    log: 'Event log', logFilter: 'Kiosk', logAll: 'all kiosks', linkDown: 'Connection to the console lost; reconnecting…',
    types: { online: 'online', offline: 'offline', 'alarm-raised': 'alarm', 'alarm-cleared': 'alarm cleared',
             command: 'command', reply: 'reply', 'help-open': 'help call', 'help-acknowledged': 'help acknowledged',
             'help-done': 'help done', 'help-cancelled': 'help cancelled', event: 'event' },
    paperLevels: { OK: 'OK', NEAR_END: 'near end', EMPTY: 'EMPTY' }
  }
};

const csrf = document.querySelector('meta[name="csrf-token"]').content;
const role = document.querySelector('meta[name="staff-role"]').content;
const operator = role === 'operator';
let lang = document.body.dataset.lang === 'en' ? 'en' : 'zh';
const kiosks = new Map();
const helpCalls = new Map();
let log = [];
let serverOffset = 0; // server clock minus browser clock, so ages match the kiosks' timestamps

const t = key => TEXTS[lang][key] ?? key;
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
};
const safeId = s => s.replace(/[^A-Za-z0-9_-]/g, '_');
const age = iso => {
  const s = Math.max(0, Math.floor((Date.now() + serverOffset - Date.parse(iso)) / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
};

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: JSON.stringify(body)
  });
  if (response.headers.get('Content-Type')?.startsWith('application/json')) {
    return { status: response.status, body: await response.json() };
  }
  return { status: response.status, body: { outcome: 'refused', reason: await response.text() } };
}

// --- kiosk tiles --------------------------------------------------------------------------------------------

function tile(k) {
  let tileEl = document.getElementById('tile-' + safeId(k.kiosk));
  if (!tileEl) {
    tileEl = el('article', 'tile');
    tileEl.id = 'tile-' + safeId(k.kiosk);
    tileEl.dataset.target = k.target;
    tileEl.append(el('div', 'status'));
    if (operator) tileEl.append(actions(k.target));
    const reply = el('p', 'reply');
    reply.setAttribute('aria-live', 'polite');
    tileEl.append(reply);
    const tiles = document.getElementById('tiles');
    // a snapshot arrives sorted: append; a kiosk that appears later goes into its place
    const last = tiles.lastElementChild;
    const after = !last || last.id < tileEl.id ? null : [...tiles.children].find(c => c.id > tileEl.id);
    tiles.insertBefore(tileEl, after ?? null);
  }
  return tileEl;
}

function actions(target) {
  const box = el('div', 'actions');
  const reason = el('input', 'reason');
  reason.placeholder = t('reason');
  reason.maxLength = 200;
  const button = (action, command, args) => {
    const b = el('button', 'action', t(action));
    b.dataset.action = action;
    b.type = 'button';
    b.addEventListener('click', () => act(b, target, command, args()));
    return b;
  };
  box.append(reason,
    button('oos', 'out-of-service', () => ({ on: 'true', reason: reason.value.trim() })),
    button('back', 'out-of-service', () => ({ on: 'false' })),
    button('reload', 'reload-config', () => ({})),
    button('diagnostics', 'diagnostics', () => ({})),
    button('restart', 'restart', () => ({})),
    button('ping', 'ping', () => ({})));
  return box;
}

async function act(button, target, command, args) {
  const tileEl = button.closest('.tile');
  const reply = tileEl.querySelector('.reply');
  if (command === 'out-of-service' && args.on === 'true' && !args.reason) {
    reply.className = 'reply refused';
    reply.textContent = t('needReason');
    return;
  }
  reply.className = 'reply';
  reply.textContent = t('sending');
  tileEl.querySelectorAll('button').forEach(b => b.disabled = true);
  try {
    const r = await post('/api/command', { target, command, args });
    const outcome = r.body.outcome ?? 'failed';
    reply.className = 'reply ' + outcome;
    reply.textContent = t(button.dataset.action) + ': ' + t(outcome) + (r.body.reason ? ' — ' + r.body.reason : '')
      + (r.body.problems ? ' ' + r.body.problems.join('; ') : '');
    if (r.body.download) {
      const a = el('a', 'download', ' ' + t('download'));
      a.href = r.body.download;
      reply.append(a);
    }
  } finally {
    tileEl.querySelectorAll('button').forEach(b => b.disabled = false);
  }
}

function renderTile(k) {
  const tileEl = tile(k);
  const alarms = Object.entries(k.alarms ?? {});
  const critical = alarms.some(([, a]) => a.severity === 'critical');
  tileEl.className = 'tile ' + (!k.online ? 'offline' : critical ? 'critical' : alarms.length ? 'warning' : 'ok')
    + (k.inService === false ? ' out-of-service' : '');
  tileEl.dataset.online = k.online;
  tileEl.dataset.inService = k.inService;
  const status = tileEl.querySelector('.status');
  status.replaceChildren();
  const head = el('h3');
  head.append(el('span', 'name', k.kiosk), el('span', 'state', k.online ? t('online') : t('offline')));
  status.append(head);
  const service = el('p', 'service', k.inService === false
    ? t('outOfService') + (k.serviceCode ? ' ' + k.serviceCode : '') + (k.serviceReason ? ': ' + k.serviceReason : '')
    : t('inService'));
  status.append(service);
  const devices = el('ul', 'devices');
  for (const d of k.devices ?? []) {
    devices.append(el('li', 'device', d.name + ': ' + d.health
      + (d.paper ? ' · ' + t('paper') + ' ' + (TEXTS[lang].paperLevels[d.paper] ?? d.paper) : '')));
  }
  status.append(devices);
  const alarmList = el('ul', 'alarms');
  if (!alarms.length) alarmList.append(el('li', 'quiet', t('noAlarms')));
  for (const [code, a] of alarms) {
    const li = el('li', 'alarm ' + a.severity, code + ' · ');
    const since = el('span', 'age', age(a.since));
    since.dataset.since = a.since;
    li.append(since);
    alarmList.append(li);
  }
  status.append(alarmList);
  status.append(el('p', 'sessions', t('sessions') + ': ' + (k.sessions ?? 0)));
  ensureFilterOption(k.kiosk);
}

// --- help calls ---------------------------------------------------------------------------------------------

function renderHelp() {
  const list = document.getElementById('help-calls');
  list.replaceChildren();
  const calls = [...helpCalls.values()].sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  for (const c of calls) {
    const li = el('li', 'help-call ' + c.state);
    li.id = 'help-' + safeId(c.kiosk);
    li.dataset.call = c.id;
    li.append(el('span', 'who', c.kiosk), el('span', 'state', t(c.state)),
      el('span', 'where', t('screen') + ': ' + c.screen + (c.service ? ' · ' + t('service') + ': ' + c.service : '')));
    const waiting = el('span', 'waiting');
    waiting.append(t('waiting') + ' ');
    const a = el('span', 'age', age(c.raisedAt));
    a.dataset.since = c.raisedAt;
    waiting.append(a);
    li.append(waiting);
    if (operator) {
      const ack = el('button', 'ack primary', t('acknowledge'));
      ack.type = 'button';
      ack.disabled = c.state === 'acknowledged';
      ack.addEventListener('click', () => answer(li, c, 'acknowledged'));
      const done = el('button', 'done', t('done'));
      done.type = 'button';
      done.addEventListener('click', () => answer(li, c, 'done'));
      li.append(ack, done);
    }
    const reply = el('span', 'reply');
    li.append(reply);
    list.append(li);
  }
  document.getElementById('no-help').textContent = calls.length ? '' : t('noHelp');
}

async function answer(li, call, state) {
  li.querySelectorAll('button').forEach(b => b.disabled = true);
  const r = await post('/api/help', { target: call.target, call: call.id, state });
  const reply = li.querySelector('.reply');
  if (reply) {
    reply.className = 'reply ' + (r.body.outcome ?? 'failed');
    reply.textContent = t(r.body.outcome ?? 'failed') + (r.body.reason && r.body.outcome !== 'applied' ? ' — ' + r.body.reason : '');
  }
  li.querySelectorAll('button.done').forEach(b => b.disabled = false);
}

// --- event log ----------------------------------------------------------------------------------------------

const filterOptions = new Set();
function ensureFilterOption(kiosk) {
  const select = document.getElementById('log-filter');
  if (!filterOptions.has(kiosk)) {
    filterOptions.add(kiosk);
    const o = el('option', '', kiosk);
    o.value = kiosk;
    select.append(o);
  }
}

function renderLog() {
  const filter = document.getElementById('log-filter').value;
  const list = document.getElementById('log');
  list.replaceChildren();
  for (const line of log) {
    if (filter && line.kiosk !== filter) continue;
    const li = el('li', 'log-line ' + line.type);
    li.dataset.kiosk = line.kiosk;
    const time = el('time', '', new Date(line.at).toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB'));
    time.dateTime = line.at;
    li.append(time, el('span', 'kiosk', line.kiosk + ' '), el('span', 'type', (TEXTS[lang].types[line.type] ?? line.type) + ' '),
      el('span', 'text', line.text));
    list.append(li);
  }
}

// --- texts, clock, feed -------------------------------------------------------------------------------------

function renderTexts() {
  document.documentElement.lang = lang;
  document.getElementById('console-title').textContent = t('title');
  document.title = t('title') + ' · OpenKiosk';
  document.getElementById('staff-role').textContent = t('role_' + role);
  document.getElementById('toggle-language').textContent = t('language');
  document.getElementById('logout').textContent = t('logout');
  document.getElementById('help-heading').textContent = t('help');
  document.getElementById('kiosks-heading').textContent = t('kiosks');
  document.getElementById('log-heading').textContent = t('log');
  document.getElementById('log-filter-label').textContent = t('logFilter');
  document.getElementById('log-filter-all').textContent = t('logAll');
  document.querySelectorAll('.tile .action').forEach(b => b.textContent = t(b.dataset.action));
  document.querySelectorAll('.tile .reason').forEach(i => i.placeholder = t('reason'));
  kiosks.forEach(renderTile);
  renderHelp();
  renderLog();
}

function tick() {
  document.querySelectorAll('.age').forEach(a => a.textContent = age(a.dataset.since));
}

function connect() {
  const source = new EventSource('/api/events');
  const linkStatus = document.getElementById('link-status');
  source.addEventListener('open', () => { linkStatus.textContent = ''; linkStatus.className = 'link-status'; });
  source.addEventListener('error', () => { linkStatus.textContent = t('linkDown'); linkStatus.className = 'link-status down'; });
  source.addEventListener('snapshot', e => {
    const s = JSON.parse(e.data);
    serverOffset = Date.parse(s.now) - Date.now();
    kiosks.clear();
    document.getElementById('tiles').replaceChildren();
    const key = k => 'tile-' + safeId(k.kiosk);
    s.kiosks.sort((a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0).forEach(k => kiosks.set(k.target, k));
    helpCalls.clear();
    s.helpCalls.forEach(c => helpCalls.set(c.id, c));
    log = s.log;
    renderTexts();
  });
  source.addEventListener('kiosk', e => {
    const k = JSON.parse(e.data);
    kiosks.set(k.target, k);
    renderTile(k);
  });
  source.addEventListener('help', e => {
    const c = JSON.parse(e.data);
    if (c.state === 'open' || c.state === 'acknowledged') helpCalls.set(c.id, c); else helpCalls.delete(c.id);
    renderHelp();
  });
  source.addEventListener('log', e => {
    log.unshift(JSON.parse(e.data));
    if (log.length > 500) log.length = 500;
    renderLog();
  });
  source.addEventListener('logged-out', () => { source.close(); location.href = '/login'; });
}

document.getElementById('toggle-language').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  document.cookie = 'okc_lang=' + lang + '; path=/; SameSite=Strict';
  renderTexts();
});
document.getElementById('logout').addEventListener('click', async () => {
  await post('/logout', {});
  location.href = '/login';
});
document.getElementById('log-filter').addEventListener('change', renderLog);
renderTexts();
connect();
setInterval(tick, 1000);
