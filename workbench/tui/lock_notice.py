"""Tell the user, on the status line, when a database change waits for a colleague's lock.

The store calls the hook from whichever thread waits (workers, mostly), so the note is posted to the app's own
thread; a wait on the app's thread itself is shown directly.
"""

from __future__ import annotations

import threading


def report_lock_waits(app, project) -> None:
    """Make the project's waits for a lock appear as a notification in `app`."""
    if project is None:
        return

    def tell(line: str) -> None:
        if threading.get_ident() == app._thread_id:
            app.notify(line, severity="warning", timeout=5, markup=False)
        else:
            app.call_from_thread(app.notify, line, severity="warning", timeout=5, markup=False)

    project.on_lock_wait(tell)
