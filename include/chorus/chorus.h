/*
 * chorus/chorus.h: the whole public API of libchorus. See docs/DESIGN.md for the
 * pipeline; each header below is one stage.
 */
#ifndef CHORUS_CHORUS_H
#define CHORUS_CHORUS_H

#include "chorus/common.h"
#include "chorus/lexicon.h"
#include "chorus/article.h"
#include "chorus/ingest.h"
#include "chorus/text.h"
#include "chorus/extract.h"
#include "chorus/store.h"
#include "chorus/dedup.h"
#include "chorus/cluster.h"
#include "chorus/brief.h"
#include "chorus/web.h"
#include "chorus/eval.h"

#endif
