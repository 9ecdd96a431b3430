#include "Receipt.h"
