/** The admin's controls over the sandbox: faults per simulated API and endpoint. */
@NullMarked
package com.numberops.portal.sandbox.web;

import org.jspecify.annotations.NullMarked;
