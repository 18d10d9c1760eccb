/** Control-API authentication: access key pairs and AWS Signature Version 4 verification. */
@NullMarked
package dev.streamcat.engine.auth;

import org.jspecify.annotations.NullMarked;
