import { B, E, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid, UUID, JWT } from './shape';

/** Payments, banking and commerce APIs. */
export const payments: TokenSpec[] = [
  {
    id: 'stripe-key', description: 'Stripe secret or restricted key', keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_'],
    regex: `${B}[sr]k_(?:live|test|prod)_[A-Za-z0-9]{24,247}${E}`, match: [`sk_live_${fake('a62', 24, 'stripe')}`, `rk_test_${fake('a62', 99, 'stripe2')}`], noMatch: [`pk_live_${fake('a62', 24, 'stripe')}`, 'sk_live_short'],
  },
  prefixed('stripe-webhook-secret', 'Stripe webhook signing secret', 'whsec_', 'a62', [32, 64]),
  {
    id: 'square-token', description: 'Square access token or OAuth secret', keywords: ['sq0atp-', 'sq0csp-', 'eaaa'],
    regex: `${B}(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{22,60})(?![A-Za-z0-9_-])`,
    match: [`sq0atp-${fake('b64u', 22, 'sq')}`, `sq0csp-${fake('b64u', 43, 'sq2')}`, `EAAA${fake('b64u', 60, 'sq3')}`], noMatch: ['sq0atp-short'],
  },
  {
    id: 'braintree-token', description: 'Braintree or PayPal access token', keywords: ['access_token$'], window: { before: 8, after: 100 },
    regex: `access_token\\$(?:production|sandbox)\\$[0-9a-z]{16}\\$[0-9a-f]{32}${E}`,
    match: [`access_token$production$${fake('lc36', 16, 'bt')}$${fake('hex', 32, 'bt2')}`], noMatch: ['access_token$production$abc$def'],
  },
  named('paypal-client-secret', 'PayPal client secret next to its name', ['paypal'], 'E[A-Za-z0-9_-]{79}', `E${fake('b64u', 79, 'paypal')}`),
  prefixed('razorpay-key', 'Razorpay key ID', ['rzp_live_', 'rzp_test_'], 'a62', 14, { score: 0.8 }),
  prefixed('flutterwave-secret', 'Flutterwave secret key', ['FLWSECK-', 'FLWSECK_TEST-'], 'Hex', 32, { sample: `FLWSECK_TEST-${fake('hex', 32, 'flw')}-X`, suffix: '-X' }),
  prefixed('flutterwave-encryption-key', 'Flutterwave encryption key', ['FLWSECK_TEST', 'FLWSECK'], 'Hex', 12, { keywords: ['flwseck'], sample: `FLWSECK_TEST${fake('hex', 12, 'flwenc')}` }),
  named('mollie-key', 'Mollie API key next to its name', ['mollie'], '(?:live|test)_[A-Za-z0-9]{30}', `live_${fake('a62', 30, 'mollie')}`),
  named('coinbase-key', 'Coinbase API secret next to its name', ['coinbase'], '[A-Za-z0-9_-]{64}', fake('b64u', 64, 'coinbase')),
  named('gocardless-token', 'GoCardless access token next to its name', ['gocardless'], '(?:live|sandbox)_[A-Za-z0-9_-]{40}', `live_${fake('b64u', 40, 'gocardless')}`),
  {
    id: 'woocommerce-key', description: 'WooCommerce REST API consumer key or secret', keywords: ['ck_', 'cs_'], window: { before: 8, after: 60 },
    regex: `${B}c[ks]_[0-9a-f]{40}${E}`, match: [`ck_${fake('hex', 40, 'woo')}`, `cs_${fake('hex', 40, 'woo2')}`], noMatch: ['docs_index', `ck_${fake('hex', 30, 'woo')}`],
  },
  prefixed('shippo-token', 'Shippo API token', ['shippo_live_', 'shippo_test_'], 'Hex', 40),
  prefixed('easypost-key', 'EasyPost API key', ['EZAK', 'EZTK'], 'a62', 54),
  prefixed('duffel-token', 'Duffel API token', ['duffel_live_', 'duffel_test_'], 'b64u', 43),
  {
    id: 'plaid-token', description: 'Plaid access token', keywords: ['access-sandbox-', 'access-development-', 'access-production-'],
    regex: `${B}access-(?:sandbox|development|production)-${UUID}${E}`, match: [`access-production-${uuid('plaid')}`], noMatch: ['access-production-1234'],
  },
  named('plaid-secret', 'Plaid secret or client ID next to its name', ['plaid'], '(?:[a-z0-9]{30}|[a-z0-9]{24})', fake('hex', 30, 'plaidsecret'), { common: true }),
  named('bittrex-key', 'Bittrex API key or secret next to its name', ['bittrex'], '[a-z0-9]{32}', fake('hex', 32, 'bittrex')),
  named('kraken-key', 'Kraken API secret next to its name', ['kraken'], '[A-Za-z0-9/+=_-]{80,90}', fake('b64', 86, 'kraken'), { common: true }),
  named('kucoin-key', 'KuCoin API key or secret next to its name', ['kucoin'], `(?:${UUID}|[0-9a-f]{24})`, fake('hex', 24, 'kucoin')),
  named('binance-key', 'Binance API key or secret next to its name', ['binance'], '[A-Za-z0-9]{64}', fake('a62', 64, 'binance')),
  named('finicity-key', 'Finicity API key or secret next to its name', ['finicity'], '(?:[0-9a-f]{32}|[A-Za-z0-9]{20})', fake('hex', 32, 'finicity')),
  named('lemonsqueezy-key', 'Lemon Squeezy API key (a JWT) next to its name', ['lemonsqueezy', 'lemon_squeezy'], JWT, `eyJ${fake('b64u', 30, 'lsq1')}.eyJ${fake('b64u', 60, 'lsq2')}.${fake('b64u', 43, 'lsq3')}`),
  prefixed('paddle-key', 'Paddle API key', ['pdl_live_apikey_', 'pdl_sdbx_apikey_'], 'a62', [40, 60], { score: 0.9 }),
  named('wise-token', 'Wise (TransferWise) API token (a UUID) next to its name', ['transferwise', 'wise_api', 'wise_token'], UUID, uuid('wise')),
];
