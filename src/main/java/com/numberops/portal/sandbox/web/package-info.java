/**
 * The admin's controls over the sandbox: faults per simulated API and endpoint, drawn on the
 * Providers page as the sandbox's own part of it ({@code SandboxFaultsPart}).
 */
@NullMarked
package com.numberops.portal.sandbox.web;

import org.jspecify.annotations.NullMarked;
