#include "SyncStatusSource.h"
