import { B, E, type TokenSpec } from '../token';
import { fake, named, prefixed, uuid } from './shape';

/** AI and machine-learning platforms: model APIs, inference hosts, vector stores, search APIs for agents. */
export const ai: TokenSpec[] = [
  {
    // "T3BlbkFJ" is base64 of "OpenAI", in the middle of every OpenAI key since 2023: it is the keyword.
    id: 'openai-key', description: 'OpenAI API key', keywords: ['t3blbkfj'], window: { before: 260, after: 260 },
    regex: `${B}sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}${E}`,
    match: [`sk-${fake('a62', 20, 'oai1')}T3BlbkFJ${fake('a62', 20, 'oai2')}`, `sk-proj-${fake('b64u', 74, 'oai3')}T3BlbkFJ${fake('b64u', 74, 'oai4')}`],
    noMatch: [`sk-${fake('a62', 20, 'oai1')}abcdefgh${fake('a62', 20, 'oai2')}`],
  },
  {
    id: 'anthropic-key', description: 'Anthropic API or admin key', keywords: ['sk-ant-'],
    regex: `${B}sk-ant-(?:api|admin|oat|ort)\\d\\d-[A-Za-z0-9_-]{80,120}${E}`,
    match: [`sk-ant-api03-${fake('b64u', 93, 'ant')}AA`, `sk-ant-admin01-${fake('b64u', 93, 'ant2')}AA`], noMatch: ['sk-ant-api02-notarealkey'],
  },
  prefixed('groq-key', 'Groq API key', 'gsk_', 'a62', 52),
  {
    id: 'huggingface-token', description: 'Hugging Face access token', keywords: ['hf_'],
    regex: `${B}hf_[A-Za-z]{34}${E}`, match: [`hf_${fake('a62', 34, 'hf').replace(/\d/g, 'q')}`], noMatch: ['hf_abc', 'hf_FakeFakeFake1FakeFakeFakeFakeFakeFa'],
  },
  {
    id: 'huggingface-org-token', description: 'Hugging Face organisation API token', keywords: ['api_org_'],
    regex: `${B}api_org_[A-Za-z]{34}${E}`, match: [`api_org_${fake('a62', 34, 'hforg').replace(/\d/g, 'z')}`], noMatch: ['api_org_name'],
  },
  prefixed('perplexity-key', 'Perplexity API key', 'pplx-', 'a62', 48),
  prefixed('replicate-token', 'Replicate API token', 'r8_', 'a62', 37),
  prefixed('xai-key', 'xAI (Grok) API key', 'xai-', 'a62', 80),
  {
    id: 'langfuse-secret-key', description: 'Langfuse secret key', keywords: ['sk-lf-'],
    regex: `${B}sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9_-])`, match: [`sk-lf-${uuid('langfuse')}`], noMatch: ['sk-lf-1234'],
  },
  prefixed('openrouter-key', 'OpenRouter API key', 'sk-or-v1-', 'hex', 64),
  prefixed('jina-key', 'Jina AI API key', 'jina_', 'b64u', 60),
  prefixed('tavily-key', 'Tavily API key', 'tvly-', 'b64u', [32, 48], { sample: `tvly-${fake('a62', 32, 'tavily')}` }),
  prefixed('firecrawl-key', 'Firecrawl API key', 'fc-', 'hex', 32),
  {
    id: 'langsmith-key', description: 'LangSmith API key', keywords: ['lsv2_pt_', 'lsv2_sk_'],
    regex: `${B}lsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}${E}`, match: [`lsv2_pt_${fake('hex', 32, 'ls')}_${fake('hex', 10, 'ls2')}`], noMatch: ['lsv2_pt_abc_def'],
  },
  prefixed('pinecone-key', 'Pinecone API key', 'pcsk_', 'b64u', [60, 90], { sample: `pcsk_${fake('a62', 5, 'pc')}_${fake('a62', 64, 'pc2')}` }),
  named('fireworks-key', 'Fireworks AI API key next to its name', ['fireworks'], 'fw_[A-Za-z0-9]{20,40}', `fw_${fake('a62', 24, 'fireworks')}`, { common: true }),
  named('voyage-key', 'Voyage AI API key next to its name', ['voyage'], 'pa-[A-Za-z0-9_-]{40,50}', `pa-${fake('b64u', 43, 'voyage')}`, { common: true }),
  named('deepgram-key', 'Deepgram API key next to its name', ['deepgram'], '[0-9a-f]{40}', fake('hex', 40, 'deepgram')),
  named('wandb-key', 'Weights & Biases API key next to its name', ['wandb'], '[0-9a-f]{40}', fake('hex', 40, 'wandb')),
  named('cohere-key', 'Cohere API key next to its name', ['cohere', 'co_api_key'], '[A-Za-z0-9]{40}', fake('a62', 40, 'cohere'), { common: true }),
  named('mistral-key', 'Mistral AI API key next to its name', ['mistral'], '[A-Za-z0-9]{32}', fake('a62', 32, 'mistral'), { common: true }),
  named('together-key', 'Together AI API key next to its name', ['together'], '(?:tgp_v1_[A-Za-z0-9_-]{43}|[0-9a-f]{64})', fake('hex', 64, 'together'), { common: true }),
  named('deepseek-key', 'DeepSeek API key next to its name', ['deepseek'], 'sk-[0-9a-f]{32}', `sk-${fake('hex', 32, 'deepseek')}`),
  named('elevenlabs-key', 'ElevenLabs API key next to its name', ['elevenlabs', 'eleven_labs', 'xi-api-key', 'xi_api_key'], '(?:sk_)?[0-9a-f]{32,48}', `sk_${fake('hex', 48, 'eleven')}`),
  named('assemblyai-key', 'AssemblyAI API key next to its name', ['assemblyai', 'assembly_ai'], '[0-9a-f]{32}', fake('hex', 32, 'assembly')),
  named('stability-key', 'Stability AI API key', ['stability'], 'sk-[A-Za-z0-9]{48}', `sk-${fake('a62', 48, 'stability')}`, { common: true }),
  named('gemini-key', 'Google Gemini / AI Studio API key next to its name', ['gemini', 'google_ai', 'genai'], 'AIza[0-9A-Za-z_-]{35}', `AIza${fake('b64u', 35, 'gemini')}`, { common: true, score: 0.9 }),
  named('azure-openai-key', 'Azure OpenAI or Cognitive Services key next to its name', ['azure_openai', 'azure-openai', 'ocp-apim-subscription-key', 'cognitive', 'azure_ai'], '[0-9a-f]{32}', fake('hex', 32, 'aoai'), { common: true }),
  {
    id: 'kagi-key', description: 'Kagi API key near its name', keywords: ['kagi'], window: { before: 16, after: 200 },
    regex: `(?:[Kk][Aa][Gg][Ii][\\w.-]{0,24}["']?\\s{0,4}(?:[:=]|=>|:\\s*Bot)\\s{0,4}["']?\\s?|kagi\\.com/[^\\s"'<>]{0,100}?[?&]token=)([A-Za-z0-9_-]{11}\\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])`, group: 1, score: 0.85,
    match: [{ text: `KAGI_API_KEY="${fake('b64u', 11, 'kagi')}.${fake('b64u', 43, 'kagi2')}"`, value: `${fake('b64u', 11, 'kagi')}.${fake('b64u', 43, 'kagi2')}` }], noMatch: ['KAGI_API_KEY="<key>"'],
  },
];
