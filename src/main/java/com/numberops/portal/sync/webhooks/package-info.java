/**
 * Carrier webhooks: Sinch number callbacks (signed with {@code X-Sinch-Signature}) and Flowroute
 * message-provisioning callbacks (a shared token), each refreshing the one number it is about
 * through {@link com.numberops.portal.sync.MirrorSync#refresh}, each delivery handled once.
 * Outside the portal login: no session, no CSRF; the signature or token is the authentication.
 */
@NullMarked
package com.numberops.portal.sync.webhooks;

import org.jspecify.annotations.NullMarked;
