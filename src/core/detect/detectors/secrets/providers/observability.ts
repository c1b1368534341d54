import { B, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid, UUID } from './shape';

/** Monitoring, logging, error tracking, analytics and feature flags. */
export const observability: TokenSpec[] = [
  named('datadog-api-key', 'Datadog API key next to its name', ['datadog', 'dd_api_key', 'dd-api-key'], '[0-9a-f]{32}', fake('hex', 32, 'datadog')),
  named('datadog-app-key', 'Datadog application key next to its name', ['datadog', 'dd_app_key', 'dd_application_key', 'dd-application-key'], '[a-z0-9]{40}', fake('hex', 40, 'datadogapp')),
  {
    id: 'newrelic-license-key', description: 'New Relic ingest license key', keywords: ['nral'], window: { before: 48, after: 16 },
    regex: `${B}[A-Za-z0-9]{6}[0-9a-f]{30}NRAL(?![A-Za-z0-9_])`, flags: '',
    match: [`eu01xx${fake('hex', 30, 'nral')}NRAL`], noMatch: [`${fake('hex', 20, 'nral')}NRAL`],
  },
  named('newrelic-license-key-legacy', 'New Relic license key (40 hex) next to its name', ['license_key', 'new_relic_license', 'newrelic_license', 'nr_license'], '[0-9a-f]{40}', fake('hex', 40, 'nrlic'), { score: 0.75 }),
  named('newrelic-user-api-id', 'New Relic user API ID next to its name', ['newrelic', 'new_relic', 'new-relic'], '[a-z0-9]{64}', fake('lc36', 64, 'nrid')),
  prefixed('newrelic-user-key', 'New Relic user API key', ['NRAK-'], 'uc36', 27),
  prefixed('newrelic-admin-key', 'New Relic admin API key', ['NRAA-'], 'hex', 27),
  prefixed('newrelic-insights-insert-key', 'New Relic Insights insert key', ['NRII-'], 'b64u', 32),
  prefixed('newrelic-insights-query-key', 'New Relic Insights query key', ['NRIQ-'], 'b64u', 32),
  prefixed('newrelic-rest-key', 'New Relic REST API key', ['NRRA-'], 'hex', 42),
  prefixed('newrelic-browser-key', 'New Relic browser API key', ['NRJS-'], 'hex', 19),
  {
    id: 'newrelic-pixie-key', description: 'New Relic Pixie API or deploy key', keywords: ['px-api-', 'px-dep-'],
    regex: `${B}px-(?:api|dep)-${UUID}(?![A-Za-z0-9_])`, match: [`px-api-${uuid('pxapi')}`, `px-dep-${uuid('pxdep')}`], noMatch: ['px-api-1234'],
  },
  {
    id: 'grafana-token', description: 'Grafana Cloud or service-account token', keywords: ['glc_', 'glsa_'],
    regex: `${B}(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})`,
    match: [`glsa_${fake('a62', 32, 'glsa')}_${fake('hex', 8, 'glsa2')}`, `glc_eyJ${fake('b64', 80, 'glc')}`], noMatch: ['glsa_short'],
  },
  {
    // Grafana's old API keys are base64 of {"k":"...","n":"...","id":N}: always "eyJrIjoi".
    id: 'grafana-api-key', description: 'Grafana API key (legacy)', keywords: ['eyjrijoi'],
    regex: `${B}eyJrIjoi[A-Za-z0-9]{60,400}={0,2}(?![A-Za-z0-9+/=])`, match: [`eyJrIjoi${fake('a62', 90, 'grafana')}`], noMatch: ['eyJrIjoiabc'],
  },
  prefixed('sentry-user-token', 'Sentry user auth token', 'sntryu_', 'hex', 64),
  {
    id: 'sentry-org-token', description: 'Sentry organisation auth token', keywords: ['sntrys_eyj'],
    regex: `${B}sntrys_eyJ[A-Za-z0-9+/=]{40,400}_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/])`,
    match: [`sntrys_eyJpYXQiOjE${fake('b64', 120, 'sentry')}_${fake('b64', 43, 'sentry2')}`], noMatch: ['sntrys_eyJabc_def'],
  },
  named('sentry-auth-token', 'Sentry auth token (64 hex) next to its name', ['sentry'], '[0-9a-f]{64}', fake('hex', 64, 'sentryauth'), { common: true }),
  {
    id: 'sentry-dsn', description: 'Sentry DSN (its key lets anyone send events)', keywords: ['.ingest.'], window: { before: 100, after: 60 },
    regex: `https://[0-9a-f]{32}(?::[0-9a-f]{32})?@o?\\d{1,10}\\.ingest\\.(?:[a-z]{2}\\.)?sentry\\.io/\\d{1,10}`, score: 0.7,
    match: [`https://${fake('hex', 32, 'dsn')}@o${'5'.repeat(6)}.ingest.sentry.io/${'7'.repeat(7)}`], noMatch: ['https://sentry.io/welcome'],
  },
  {
    id: 'dynatrace-token', description: 'Dynatrace API token', keywords: ['dt0'], window: { before: 8, after: 120 },
    regex: `${B}dt0[a-z]\\d\\d\\.[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}(?![A-Za-z0-9_])`,
    match: [`dt0c01.${fake('uc36', 24, 'dt1')}.${fake('uc36', 64, 'dt2')}`], noMatch: ['dt0c01.ABC.DEF'],
  },
  named('sumologic-access-id', 'Sumo Logic access ID next to its name', ['sumo'], 'su[A-Za-z0-9]{12}', `su${fake('a62', 12, 'sumo')}`, { common: true }),
  named('sumologic-access-key', 'Sumo Logic access key next to its name', ['sumo'], '[A-Za-z0-9]{64}', fake('a62', 64, 'sumokey'), { common: true }),
  named('splunk-hec-token', 'Splunk HTTP Event Collector token (a UUID) next to its name', ['splunk', 'hec_token'], UUID, uuid('splunk')),
  named('honeycomb-key', 'Honeycomb API key next to its name', ['honeycomb', 'x-honeycomb-team'], '(?:[A-Za-z0-9]{22}|[A-Za-z0-9]{32}|hc[a-z]{2}c_[A-Za-z0-9]{58})', fake('a62', 22, 'honeycomb'), { common: true }),
  named('logzio-token', 'Logz.io shipping token next to its name', ['logzio', 'logz_'], '[A-Za-z]{32}', fake('a62', 32, 'logz').replace(/\d/g, 'r')),
  named('rollbar-token', 'Rollbar access token next to its name', ['rollbar'], '[0-9a-f]{32}', fake('hex', 32, 'rollbar')),
  named('bugsnag-key', 'Bugsnag API key next to its name', ['bugsnag'], '[0-9a-f]{32}', fake('hex', 32, 'bugsnag')),
  named('raygun-key', 'Raygun API key next to its name', ['raygun'], '[A-Za-z0-9]{22}', fake('a62', 22, 'raygun')),
  named('loggly-token', 'Loggly customer token (a UUID) next to its name', ['loggly'], UUID, uuid('loggly')),
  named('appdynamics-key', 'AppDynamics access key next to its name', ['appdynamics'], '[a-z0-9]{12,16}', fake('lc36', 14, 'appd')),
  named('elastic-cloud-key', 'Elastic Cloud API key next to its name', ['elastic_cloud', 'elastic_api_key', 'es_api_key', 'elasticsearch_api_key'], '[A-Za-z0-9_-]{20,100}={0,2}', fake('b64', 60, 'elastic').replace(/[+/]/g, 'Q')),
  prefixed('posthog-key', 'PostHog personal API key', 'phx_', 'a62', 43),
  named('mixpanel-secret', 'Mixpanel API secret next to its name', ['mixpanel'], '[0-9a-f]{32}', fake('hex', 32, 'mixpanel')),
  named('amplitude-key', 'Amplitude API key or secret next to its name', ['amplitude'], '[0-9a-f]{32}', fake('hex', 32, 'amplitude'), { common: true }),
  prefixed('segment-token', 'Segment public API token', 'sgp_', 'a62', 64, { keywords: ['sgp_'] }),
  named('segment-write-key', 'Segment write key next to its name', ['segment'], '[A-Za-z0-9]{32}', fake('a62', 32, 'segment'), { common: true }),
  named('heap-key', 'Heap API key next to its name', ['heap_api', 'heapanalytics'], '[0-9a-f]{32}', fake('hex', 32, 'heap')),
  named('statuspage-key', 'Statuspage API key (a UUID) next to its name', ['statuspage'], UUID, uuid('statuspage')),
  prefixed('checkly-key', 'Checkly API key', 'cu_', 'hex', 32, { score: 0.8 }),
  named('optimizely-token', 'Optimizely personal token next to its name', ['optimizely'], '[0-9]:[A-Za-z0-9_-]{40,50}', `2:${fake('b64u', 43, 'optimizely')}`),
  named('statsig-key', 'Statsig server secret', ['statsig'], 'secret-[A-Za-z0-9]{43}', `secret-${fake('a62', 43, 'statsig')}`),
];
