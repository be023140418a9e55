// Drives TenantChat's OpenAI-compatible API with the official openai client (issue 22). Started by
// OpenAiClientEndToEndIntegrationTests with one JSON argument; prints one JSON object with what it saw.
import OpenAI from 'openai';

const config = JSON.parse(process.argv[2]);
const client = (apiKey) => new OpenAI({ apiKey, baseURL: config.baseURL, maxRetries: 0, timeout: 60_000 });
const tenant = client(config.key);
const seen = {};

const completion = await tenant.chat.completions.create({
  model: config.model,
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  max_tokens: 64,
  temperature: 0.2,
  user: 'e2e',
});
seen.completion = {
  id: completion.id,
  object: completion.object,
  content: completion.choices[0].message.content,
  role: completion.choices[0].message.role,
  finishReason: completion.choices[0].finish_reason,
  usage: completion.usage,
};

const stream = await tenant.chat.completions.create({
  model: config.model,
  messages: [{ role: 'user', content: [{ type: 'text', text: 'Stream this, please.' }] }],
  stream: true,
  stream_options: { include_usage: true },
});
const streamed = { chunks: 0, content: '', role: null, finishReason: null, usage: null, ids: new Set() };
for await (const chunk of stream) {
  streamed.chunks++;
  streamed.ids.add(chunk.id);
  const choice = chunk.choices[0];
  if (choice?.delta?.role) streamed.role = choice.delta.role;
  if (choice?.delta?.content) streamed.content += choice.delta.content;
  if (choice?.finish_reason) streamed.finishReason = choice.finish_reason;
  if (chunk.usage) streamed.usage = chunk.usage;
}
seen.stream = { ...streamed, ids: [...streamed.ids] };

seen.models = (await tenant.models.list()).data.map((model) => model.id);

// the same Idempotency-Key from another tenant's key must start that tenant's own completion
const shared = { headers: { 'Idempotency-Key': config.sharedIdempotencyKey } };
const mine = await tenant.chat.completions.create(
  { model: config.model, messages: [{ role: 'user', content: 'tenant A asks' }] }, shared);
const theirs = await client(config.otherTenantKey).chat.completions.create(
  { model: config.model, messages: [{ role: 'user', content: 'tenant B asks' }] }, shared);
seen.sharedKey = { mine: { id: mine.id, content: mine.choices[0].message.content, usage: mine.usage },
  theirs: { id: theirs.id, content: theirs.choices[0].message.content } };

async function refusal(apiKey, body) {
  try {
    await client(apiKey).chat.completions.create(body);
    return { status: 200 };
  } catch (e) {
    return { status: e.status ?? null, type: e.type ?? null, code: e.code ?? null, name: e.constructor.name };
  }
}
const hello = [{ role: 'user', content: 'hello' }];
seen.wrongKey = await refusal(config.wrongKey, { model: config.model, messages: hello });
seen.revokedKey = await refusal(config.revokedKey, { model: config.model, messages: hello });
seen.unknownModel = await refusal(config.key, { model: 'gpt-4o', messages: hello });

console.log(JSON.stringify(seen));
