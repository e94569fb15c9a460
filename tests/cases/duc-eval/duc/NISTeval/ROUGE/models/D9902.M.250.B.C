Children were the first to visit the new library.
