/**
 * The simulated Flowroute v2 numbers API (seed 004) at {@code /sandbox/flowroute}: JSON:API
 * numbers, 11-digit North American ids, message provisioning with its 207 Multi-Status, and
 * Flowroute's own {@code {"errors": [...]}} bodies. The rules live in {@code FlowrouteSandbox}.
 */
@NullMarked
package com.numberops.portal.sandbox.flowroute;

import org.jspecify.annotations.NullMarked;
