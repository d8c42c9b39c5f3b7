package org.sigmascope.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A robot test of the real app: a Sigmascope folder of its own, and the app stopped after each test. */
abstract class RobotTest {
    @TempDir
    Path home;
    AppRobot robot;

    @AfterEach
    void stop() throws TimeoutException {
        if (robot != null) {
            robot.stop();
        }
    }
}
