/**
 * AWS Bedrock as an upstream: the Converse and ConverseStream APIs for chat (and legacy completions), InvokeModel
 * for Cohere and Titan embeddings. Requests are signed with SigV4 (or carry a Bedrock API key as a bearer token);
 * the binary eventstream framing of ConverseStream is decoded here, CRCs checked. Translation is pure; the only
 * I/O is {@link dev.warden.provider.UpstreamClient}.
 */
@NullMarked
package dev.warden.provider.bedrock;

import org.jspecify.annotations.NullMarked;
