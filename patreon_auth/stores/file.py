"""FileStore: the token in a local JSON file, written atomically, mode 0600, with a cross-process lock.

Writes go through ``filesystem.write_private_file``: a temp file created 0600 (``O_EXCL``) in the
same directory, fsynced, ``os.replace``d over the token file, then the directory is fsynced. A
crash or SIGKILL at any point leaves the old token or the new one, never a torn file (rename is
atomic within one filesystem, POSIX rename(2)); a writer killed before its rename leaves a temp
file, which the next holder of the lock deletes (it holds a live token).

The refresh lock is ``flock`` on a sidecar ``<path>.lock`` file, so one process on this host
refreshes at a time; the kernel drops the lock when its holder dies. The sidecar is never deleted:
unlinking a lock file lets a waiter lock an orphaned inode while a newcomer locks a new one.
A ``threading.Lock`` is taken first because on NFS Linux emulates flock with POSIX record locks,
which are per process and so would not exclude this process's own threads.

Compare-and-set without a version in the file (it stays plain ``Token.to_dict()`` JSON, which
other tools read): every write happens under the flock, which every FileStore writer of this path
takes, and re-reads the file first; it writes only if the bytes are the ones this store last read
or wrote (or there is no file). Under the lock nobody else can write between that read and the
rename, so the check and the write are one step for every FileStore on the host.

A token that cannot be written (full disk, read-only directory) goes to the rescue file
``<path>.rescue`` (0600), or, if that cannot be written either, to
``$XDG_STATE_HOME/patreonkit/rescue/`` (default ``~/.local/state``); the error names it, and the
next FileStore on this path picks it up (``stores.base``, contract points 5 and 6).

Directories the store creates for the token, lock or rescue file, missing parents included, are
0700 whatever the umask (``filesystem.make_private_dirs``); directories that exist are left alone.
"""

from __future__ import annotations

from patreon_auth.stores._async.file import AsyncFileStore
from patreon_auth.stores._rescue import DEFAULT_RESCUE, RescuePath
from patreon_auth.stores._sync.file import FileStore

__all__ = ["DEFAULT_RESCUE", "AsyncFileStore", "FileStore", "RescuePath"]
