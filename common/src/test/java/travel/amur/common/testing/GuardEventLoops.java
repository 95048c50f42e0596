package travel.amur.common.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs BlockHound when the test run starts, before any test class or thread exists: installed later, it can
 * catch a scheduler thread already parked and break it.
 */
public class GuardEventLoops implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NonBlockingThreads.guard();
    }
}
