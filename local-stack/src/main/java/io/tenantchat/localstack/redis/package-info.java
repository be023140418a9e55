/** Redis ({@code redis-server} from Debian) as a child process: the stream bus between workers and api instances. */
package io.tenantchat.localstack.redis;
