/**
 * The slice of the amazon-connect-streams global `connect` this adapter uses, typed structurally.
 *
 * Streams ships its types as a global `declare namespace connect` (src/index.d.ts) that cannot be imported
 * as a module, and some runtime members are missing from it (`core.getSoftphoneManager`,
 * `core.keepaliveManager`, the softphone manager's `getSession`). Every member below was read off the
 * 2.28.2 bundle (release/connect-streams.js): `core.initCCP`, `core.terminate`, `core.getEventBus`,
 * `core.getClient().call(method, params, callbacks)`, `ClientMethods.CREATE_TRANSPORT = 'createTransport'`,
 * `EventType.{ACK_TIMEOUT, AUTH_FAIL, ACCESS_DENIED, IFRAME_RETRIES_EXHAUSTED, SOFTPHONE_STATS, INIT}`,
 * `AgentEvents.*`, `Agent.setConfiguration(config, { success, failure })`, `AgentErrorStates.INVALID_LOCALE`.
 * A unit test hands in a fake object of this shape.
 */

export interface Subscription {
  unsubscribe(): void;
}

export interface EventBusLike {
  subscribe(event: string, f: (data: unknown) => void): Subscription;
}

export interface ClientCallbacks {
  success?: (data: unknown) => void;
  failure?: (err: unknown, data?: unknown) => void;
  authFailure?: () => void;
  accessDenied?: () => void;
}

export interface ClientLike {
  call(method: string, params: Record<string, unknown>, callbacks: ClientCallbacks): void;
}

export interface AgentStateLike {
  name: string;
  type: string;
  startTimestamp?: Date | string | number;
}

/** The agent configuration as Streams gives it (fields we read; the rest is passed through untouched). */
export interface AgentConfigurationLike {
  name?: string;
  username?: string;
  softphoneEnabled: boolean;
  extension?: string | null;
  dialableCountries?: string[];
  agentStates?: { name: string; type: string; agentStateARN?: string | null }[];
  agentPreferences?: { locale?: string; LANGUAGE?: string } & Record<string, unknown>;
  routingProfile?: { name?: string } & Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ContactLike {
  getContactId(): string;
  getType?(): string;
  getAgentConnection?(): { getConnectionId(): string } | null;
  isSoftphoneCall?(): boolean;
}

export interface AgentLike {
  getConfiguration(): AgentConfigurationLike;
  setConfiguration(config: AgentConfigurationLike, callbacks: ClientCallbacks): void;
  getState(): AgentStateLike;
  getAgentStates(): { name: string; type: string; agentStateARN?: string | null }[];
  setState?(state: unknown, callbacks: ClientCallbacks, options?: unknown): void;
  isSoftphoneEnabled(): boolean;
  getExtension(): string | null | undefined;
  getDialableCountries(): string[];
  onRefresh(f: (agent: AgentLike) => void): Subscription;
  onSoftphoneError(f: (error: unknown) => void): Subscription;
  onWebSocketConnectionLost(f: (data: unknown) => void): Subscription;
  onWebSocketConnectionGained(f: (data: unknown) => void): Subscription;
  getContacts?(type?: string): ContactLike[];
}

export interface SoftphoneManagerLike {
  getSession?(connectionId: string): { _pc?: RTCPeerConnection | null } | undefined;
}

export interface CoreLike {
  initCCP(container: HTMLElement, params: Record<string, unknown>): void;
  terminate?(): void;
  initialized?: boolean;
  getEventBus(): EventBusLike | null | undefined;
  getClient(): ClientLike;
  onInitialized?(f: () => void): Subscription;
  onAuthFail?(f: () => void): Subscription;
  onAccessDenied?(f: () => void): Subscription;
  onIframeRetriesExhausted?(f: () => void): Subscription;
  getSoftphoneManager?(): SoftphoneManagerLike | null | undefined;
  /** Timers Streams keeps on `core` (cleared on destroy so nothing fires after the iframe is gone). */
  keepaliveManager?: { synTimer?: unknown; ackTimer?: unknown } | null;
  ccpLoadTimeoutInstance?: unknown;
  iframeRefreshTimeout?: unknown;
  iframeRefreshAttempt?: number;
  upstream?: unknown;
}

export interface ConnectLike {
  version?: string;
  core: CoreLike;
  agent: ((f: (agent: AgentLike) => void) => Subscription) & { initialized?: boolean };
  contact?: (f: (contact: ContactLike) => void) => Subscription;
  EventType: Record<string, string>;
  AgentEvents?: Record<string, string>;
  ClientMethods: Record<string, string>;
  SoftphoneErrorTypes?: Record<string, string>;
  AgentErrorStates?: Record<string, string>;
  randomId?: () => string;
}
