/*
 * Fake Amazon Connect CCP (local). Speaks the iframe protocol of amazon-connect-streams 2.28.2, as read off
 * its release/connect-streams.js (IFrameConduit / WindowIOStream, KeepaliveManager, UpstreamConduitClient,
 * AgentDataProvider), well enough for initCCP, connect.agent, setConfiguration + reload_agent_configuration,
 * createTransport, softphone errors, softphone stats, a missed call and websocket loss.
 *
 * PROTOCOL (every message is `{ event, data }` posted between this iframe and its parent):
 *   fake -> parent  acknowledge { id }            on load (Streams then sends configure, outer_context_info,
 *                                                 and `synchronize` every ccpSynTimeout; each gets an acknowledge)
 *   fake -> parent  agent::update { snapshot, configuration }   after the first ack and on every change
 *   parent -> fake  api_request { requestId, method, params }   -> fake answers api_response { requestId, data, err }
 *                   updateAgentConfiguration: kept, validated (extension must be E.164 when softphone is off)
 *                   createTransport { transportType: 'softphone' }: the local coturn from /__turn.json as
 *                     { softphoneTransport: { softphoneMediaConnections: [{ urls, username, credential }] } }
 *                   putAgentState { state }: the agent's new state
 *   parent -> fake  reload_agent_configuration    -> agent::update with the configuration
 *   fake -> parent  softphone_stats { contactId, ccpVersion, stats }, agent::softphone_error { errorType,
 *                   errorMessage, endPointUrl }, agent::websocket_connection_lost / _gained, auth_fail, access_denied
 *
 * QUERY PARAMETERS
 *   noack=1            never answer (a CCP that is down / blocked): Streams fires ACK_TIMEOUT, then retries
 *   login=1            show a login form; answer only after "Log in" (or the `login` command); remembered per
 *                      `sid` in sessionStorage, so Streams' iframe refreshes after login answer at once
 *   sid=ID             session id for login=1 (tests use a fresh one)
 *   authfail=1         post auth_fail right after the first ack;  accessdenied=1: post access_denied
 *   deskphone=DIGITS   the agent starts on the external phone +DIGITS (softphoneEnabled false). Write the digits
 *                      without '+' or '%2B': Streams 2.28.2 passes the CCP URL through its sprintf logger, and
 *                      a '%' in the URL makes initCCP throw.
 *   countries=us,ca    dialable countries (default us,ca,gb)
 *   locale=xx_XX       agentPreferences.locale (an unknown one makes setConfiguration fail with InvalidLocale)
 *   reject=1           updateAgentConfiguration is refused by the "service"
 *   noreply=method     never answer api_request `method` (e.g. updateAgentConfiguration, createTransport)
 *   transport=fail     createTransport fails with SoftphoneConnectionLimitBreachedException
 *   name=Jane          the agent's name
 *   autostats=MS       while a call is up, post softphone_stats every MS ms (default: 2000 for calls started
 *                      with the buttons, none for calls started by a command; 0 = never)
 *
 * COMMANDS (postMessage to this iframe's window: `{ fakeCcp: 'command', ...args }`; also the buttons):
 *   call-start {contactId?}  call-end {contactId?}  stats {contactId?, rttMs, lossPct, seconds}
 *   softphone-error {errorType, errorMessage?, endPointUrl?}  missed-call  available
 *   websocket-lost  websocket-gained  auth-fail  access-denied  login
 *   report -> the fake posts `fake-ccp:report` { configure, configs, requests, transports, agentConfig } to
 *   its parent (tests read it; Streams ignores events it does not know).
 */
(function () {
  'use strict';
  var q = new URLSearchParams(location.search);
  var parentWin = window.parent;
  var PORT_ID = 'fake-ccp-' + Math.random().toString(36).slice(2, 10);
  var sid = q.get('sid') || 'default';
  var LOGIN_KEY = 'fake-ccp-logged-in:' + sid;
  var acked = false;
  var ackSeen = 0;
  var autoStatsTimer = null;
  /** What the automatic stats of a button-started call look like ("Stats: good" / "Stats: poor" switch it). */
  var autoProfile = { rttMs: 60, lossPct: 0 };

  /** @type {{ configure: any, configs: unknown[], requests: unknown[], transports: number, reloads: number }} */
  var received = { configure: null, configs: [], requests: [], transports: 0, reloads: 0 };

  var countries = (q.get('countries') || 'us,ca,gb').split(',').map(function (c) { return c.trim().toLowerCase(); }).filter(Boolean);
  // deskphone=14155550123 (a '+' in a query string reads as a space; '%2B' would break Streams, see below)
  var deskphone = q.get('deskphone') ? '+' + (q.get('deskphone') || '').replace(/[^0-9]/g, '') : '';
  var agentStates = [
    { agentStateARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/agent-state/available', type: 'routable', name: 'Available' },
    { agentStateARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/agent-state/offline', type: 'offline', name: 'Offline' },
    { agentStateARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/agent-state/break', type: 'not_routable', name: 'Break' },
  ];
  var config = {
    name: q.get('name') || 'Fake Agent',
    username: 'fake.agent',
    softphoneEnabled: !deskphone,
    softphoneAutoAccept: false,
    extension: deskphone || '',
    agentStates: agentStates,
    dialableCountries: countries,
    permissions: ['outboundCall', 'voiceId'],
    agentPreferences: { locale: q.get('locale') || 'en_US' },
    routingProfile: {
      name: 'Basic Routing Profile',
      routingProfileARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/routing-profile/11111111-1111-4111-8111-111111111111',
      routingProfileId: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/routing-profile/11111111-1111-4111-8111-111111111111',
      channelConcurrencyMap: { VOICE: 1, CHAT: 0, TASK: 0 },
      defaultOutboundQueue: { queueARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/queue/q1', name: 'BasicQueue', queueId: 'q1' },
      queues: [],
    },
    agentARN: 'arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-4000-8000-000000000000/agent/22222222-2222-4222-8222-222222222222',
  };
  /** @type {{ name: string, type: string, startTimestamp: Date, agentStateARN: string | null }} */
  var state = { name: 'Available', type: 'routable', startTimestamp: new Date(), agentStateARN: agentStates[0].agentStateARN };
  var contacts = [];
  var callSeq = 0;

  /** The page's own elements, which always exist. @param {string} id */
  function $(id) { return /** @type {HTMLInputElement} */ (document.getElementById(id)); }
  function log(line) {
    var el = $('log');
    if (!el) return;
    el.textContent = (new Date().toISOString().slice(11, 19) + ' ' + line + '\n' + el.textContent).slice(0, 4000);
  }
  function post(event, data) {
    parentWin.postMessage({ event: event, data: data }, '*');
  }
  function render() {
    $('agent-name').textContent = config.name;
    $('agent-state').textContent = state.name + ' (' + state.type + ')';
    $('phone').textContent = config.softphoneEnabled ? 'Softphone' : 'Desk phone ' + (config.extension || '(none)');
    $('call').textContent = contacts.length ? contacts.map(function (c) { return c.contactId; }).join(', ') + ' connected' : 'none';
    var sp = received.configure && received.configure.softphone;
    $('mode').textContent = sp ? (sp.allowFramedSoftphone ? 'full: framed softphone' : 'media-less') : 'mode ?';
  }
  function snapshot() {
    var now = new Date();
    return {
      state: { name: state.name, type: state.type, startTimestamp: state.startTimestamp, agentStateARN: state.agentStateARN || null },
      agentAvailabilityState: { state: state.name, timeStamp: state.startTimestamp },
      nextState: null,
      contacts: contacts.map(function (c) { return c; }),
      snapshotTimestamp: now,
    };
  }
  function sendAgent() {
    if (!acked) return;
    post('agent::update', { snapshot: snapshot(), configuration: JSON.parse(JSON.stringify(config)) });
    render();
  }
  function setState(name, type) {
    state = { name: name, type: type, startTimestamp: new Date(), agentStateARN: null };
    var def = agentStates.find(function (s) { return s.name === name; });
    if (def) state.agentStateARN = def.agentStateARN;
    sendAgent();
  }
  function ack() {
    acked = true;
    ackSeen++;
    post('acknowledge', { id: PORT_ID });
  }

  function isE164(x) { return typeof x === 'string' && /^\+[1-9]\d{1,14}$/.test(x); }

  function answer(req, data, err) {
    post('api_response', { event: 'api_response', requestId: req.requestId, data: data === undefined ? null : data, err: err || null });
  }

  function onApiRequest(req) {
    var method = req && req.method;
    received.requests.push(method);
    if (received.requests.length > 200) received.requests.shift();
    if ((q.get('noreply') || '').split(',').indexOf(method) >= 0) { log('not answering ' + method); return; }
    if (method === 'updateAgentConfiguration') {
      var cfg = req.params && req.params.configuration;
      received.configs.push(JSON.parse(JSON.stringify(cfg || null)));
      if (q.get('reject') === '1') return answer(req, null, { type: 'AccessDeniedException', message: 'The fake service refused the change (reject=1).' });
      if (!cfg) return answer(req, null, { type: 'InvalidParameterException', message: 'configuration missing' });
      if (cfg.softphoneEnabled === false && !isE164(cfg.extension)) {
        return answer(req, null, { type: 'InvalidParameterException', message: 'extension must be an E.164 number when the softphone is off' });
      }
      config.softphoneEnabled = !!cfg.softphoneEnabled;
      config.extension = cfg.extension || '';
      if (cfg.agentPreferences) config.agentPreferences = cfg.agentPreferences;
      log('configuration: ' + (config.softphoneEnabled ? 'softphone' : 'desk phone ' + config.extension));
      render();
      return answer(req, {}, null);
    }
    if (method === 'createTransport') {
      received.transports++;
      var p = req.params || {};
      if (p.transportType !== 'softphone') return answer(req, null, { type: 'InvalidParameterException', message: 'fake CCP only hands out softphone transports' });
      if (q.get('transport') === 'fail') return answer(req, null, { type: 'SoftphoneConnectionLimitBreachedException', message: 'SoftphoneConnectionLimitBreachedException: too many sessions (transport=fail)' });
      fetch('/__turn.json', { cache: 'no-store' })
        .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); })
        .then(function (t) {
          var list = (t.iceServers || []).map(function (s) {
            return { urls: Array.isArray(s.urls) ? s.urls : [s.urls], username: s.username, credential: s.credential };
          });
          log('createTransport: ' + list.length + ' media connection(s)');
          answer(req, { softphoneTransport: { softphoneMediaConnections: list } }, null);
        })
        .catch(function (e) {
          answer(req, null, { type: 'ServiceUnavailableException', message: 'the fake CCP found no local TURN config at /__turn.json (' + e.message + ')' });
        });
      return;
    }
    if (method === 'putAgentState') {
      var st = req.params && req.params.state;
      answer(req, {}, null);
      if (st && st.name) setState(st.name, st.type || 'routable');
      return;
    }
    answer(req, {}, null);
  }

  function contactData(id) {
    var t = new Date();
    return {
      contactId: id,
      initialContactId: id,
      type: 'voice',
      state: { type: 'connected', timestamp: t },
      queue: { queueARN: config.routingProfile.defaultOutboundQueue.queueARN, name: 'BasicQueue', queueId: 'q1' },
      queueTimestamp: t,
      connections: [
        {
          connectionId: 'agent-' + id,
          type: 'agent',
          initial: false,
          state: { type: 'connected', timestamp: t },
          endpoint: { endpointARN: null, phoneNumber: null, agentLogin: null, name: null, queue: null, type: 'agent' },
          softphoneMediaInfo: config.softphoneEnabled ? { callType: 'audio_only', autoAccept: false, mediaLegContextToken: null, callContextToken: 'fake', callConfigJson: '{}' } : null,
          mute: false,
        },
        {
          connectionId: 'customer-' + id,
          type: 'inbound',
          initial: true,
          state: { type: 'connected', timestamp: t },
          endpoint: { endpointARN: null, phoneNumber: '+14155550100', agentLogin: null, name: null, queue: null, type: 'phone_number' },
          mute: false,
        },
      ],
      attributes: {},
      contactDuration: '0',
    };
  }

  function makeStats(rttMs, lossPct, seconds) {
    var out = [];
    var now = Date.now();
    var n = Math.max(1, Math.min(60, seconds || 5));
    for (var i = n - 1; i >= 0; i--) {
      var t = new Date(now - i * 1000);
      var lost = Math.round((50 * (lossPct || 0)) / 100);
      out.push({ softphoneStreamType: 'audio_input', timestamp: t, packetsLost: 0, packetsCount: 50, audioLevel: 1200, jitterBufferMillis: 40, roundTripTimeMillis: rttMs });
      out.push({ softphoneStreamType: 'audio_output', timestamp: t, packetsLost: lost, packetsCount: 50 - lost, audioLevel: 900, jitterBufferMillis: 40, roundTripTimeMillis: null });
    }
    return out;
  }

  var commands = {
    'call-start': function (m) {
      var id = m.contactId || 'fake-contact-' + ++callSeq;
      if (!contacts.some(function (c) { return c.contactId === id; })) contacts.push(contactData(id));
      setState(state.name, state.type);
      log('call ' + id + ' connected');
      // A call started from the buttons streams stats every 2 s (the real CCP: every 30 s) so the demo shows
      // live quality; `autostats=MS` sets the period for every call, autostats=0 turns it off.
      var every = q.has('autostats') ? Number(q.get('autostats')) : m.auto ? 2000 : 0;
      if (every > 0 && !autoStatsTimer) {
        autoStatsTimer = setInterval(function () {
          if (!contacts.length) { clearInterval(autoStatsTimer); autoStatsTimer = null; return; }
          var p = autoProfile;
          commands.stats({ contactId: contacts[0].contactId, rttMs: p.rttMs + Math.round(Math.random() * p.rttMs * 0.3), lossPct: p.lossPct, seconds: Math.max(1, Math.round(every / 1000)) });
        }, every);
      }
      return id;
    },
    'call-end': function (m) {
      var id = m.contactId || (contacts[0] && contacts[0].contactId);
      contacts = contacts.filter(function (c) { return c.contactId !== id; });
      sendAgent();
      log('call ' + id + ' ended');
    },
    stats: function (m) {
      var id = m.contactId || (contacts[0] && contacts[0].contactId) || 'fake-contact-0';
      var stats = Array.isArray(m.stats) ? m.stats : makeStats(m.rttMs != null ? m.rttMs : 60, m.lossPct || 0, m.seconds || 5);
      post('softphone_stats', { contactId: id, ccpVersion: 'fake-ccp', stats: stats });
      log('softphone_stats for ' + id + ' (' + stats.length + ' entries)');
    },
    'softphone-error': function (m) {
      var type = m.errorType || 'other';
      post('agent::softphone_error', { errorType: type, errorMessage: m.errorMessage || 'Injected by the fake CCP: ' + type, endPointUrl: m.endPointUrl || '' });
      log('softphone error ' + type);
    },
    'missed-call': function () {
      setState('MissedCallAgent', 'error');
      log('missed call: agent in MissedCallAgent');
    },
    available: function () { setState('Available', 'routable'); },
    'websocket-lost': function () { post('agent::websocket_connection_lost', null); log('websocket lost'); },
    'websocket-gained': function () { post('agent::websocket_connection_gained', null); log('websocket back'); },
    'auth-fail': function () { post('auth_fail', null); log('auth_fail'); },
    'access-denied': function () { post('access_denied', null); log('access_denied'); },
    login: function () { doLogin(); },
    report: function () {
      post('fake-ccp:report', {
        configure: received.configure,
        configs: received.configs,
        requests: received.requests.slice(),
        transports: received.transports,
        reloads: received.reloads,
        agentConfig: JSON.parse(JSON.stringify(config)),
        acks: ackSeen,
      });
    },
  };

  window.addEventListener('message', function (e) {
    var msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    if (typeof msg.fakeCcp === 'string') {
      var fn = commands[msg.fakeCcp];
      if (fn) fn(msg);
      return;
    }
    if (e.source !== parentWin) return;
    var ev = msg.event;
    var data = msg.data;
    if (!ev) return;
    if (ev === 'synchronize') { if (acked) ack(); return; }
    if (ev === 'configure') { received.configure = JSON.parse(JSON.stringify(data || null)); render(); return; }
    if (ev === 'api_request') { if (acked) onApiRequest(data); return; }
    if (ev === 'reload_agent_configuration') { received.reloads++; sendAgent(); return; }
  });

  function start() {
    $('main').style.display = 'block';
    $('login').style.display = 'none';
    render();
    ack();
    setTimeout(function () {
      if (q.get('authfail') === '1') post('auth_fail', null);
      if (q.get('accessdenied') === '1') post('access_denied', null);
      sendAgent();
    }, 30);
  }
  function doLogin() {
    try { sessionStorage.setItem(LOGIN_KEY, '1'); } catch (e) { /* storage blocked: log in for this load only */ }
    start();
  }

  document.addEventListener('click', function (e) {
    var t = /** @type {Element | null} */ (e.target);
    var b = t && t.closest ? t.closest('button') : null;
    if (!b) return;
    if (b.id === 'login-btn') return doLogin();
    if (b.id === 'err-btn') return commands['softphone-error']({ errorType: $('err-type').value });
    var cmd = b.getAttribute('data-cmd');
    if (cmd === 'stats') {
      autoProfile = { rttMs: Number(b.getAttribute('data-rtt')), lossPct: Number(b.getAttribute('data-loss')) };
      return commands.stats({ rttMs: autoProfile.rttMs, lossPct: autoProfile.lossPct, seconds: 5 });
    }
    if (cmd && commands[cmd]) commands[cmd]({ auto: true });
  });

  if (q.get('noack') === '1') {
    document.body.insertAdjacentHTML('afterbegin', '<p role="status">Fake CCP: not answering (noack=1).</p>');
    return;
  }
  var loggedIn;
  try { loggedIn = sessionStorage.getItem(LOGIN_KEY) === '1'; } catch (e) { loggedIn = false; }
  if (q.get('login') === '1' && !loggedIn) {
    $('login').style.display = 'block';
    return;
  }
  start();
})();
