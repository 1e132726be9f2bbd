// Show files (versioned JSON): read, validate and write; this header gathers the three.
#pragma once

#include "io/show_read.hpp"
#include "io/show_validate.hpp"
#include "io/show_write.hpp"
