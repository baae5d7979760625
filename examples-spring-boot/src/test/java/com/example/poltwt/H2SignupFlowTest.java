package com.example.poltwt;

/** The example end to end on its default database: H2 in memory (application.properties). */
class H2SignupFlowTest extends SignupFlowTest {}
