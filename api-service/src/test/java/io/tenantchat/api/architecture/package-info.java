/** ArchUnit rules: tenant-first data ports, no table-wide reads, framework-free domain and use cases. */
package io.tenantchat.api.architecture;
