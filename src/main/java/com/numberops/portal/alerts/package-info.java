/**
 * Alerts (issue 18): rules admins define over the fleet's failures, evaluated by a db-scheduler
 * task through the owning modules' public reads, fired once per rule and window, and delivered to
 * channels (the portal's bell, a signed webhook, e-mail) from an outbox with retries.
 */
@NullMarked
package com.numberops.portal.alerts;

import org.jspecify.annotations.NullMarked;
