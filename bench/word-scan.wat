;; The bench's WebAssembly read (docs/benchmarks.md, approach 6): the least a matcher compiled to
;; WebAssembly does with a page's text, once the text is copied into its memory as UTF-8. Each byte
;; is classed through a 256-entry table (0: not part of a word); each word is hashed as it is read
;; and looked up once in a bitset of 2^18 bits, as `EntityMatcher.starts` does with its word filters.
;; It returns how many words hit the bitset (so nothing can be optimised away).
;;
;; Memory: bytes 0–255 the class table, 1024–33791 the bitset, text from 65536 on.
;; Assembled by scripts/bench.mjs with wabt.
(module
  (memory (export "memory") 16)
  (func (export "scan") (param $at i32) (param $length i32) (result i32)
    (local $end i32) (local $class i32) (local $hash i32) (local $inWord i32) (local $hits i32) (local $bit i32)
    (local.set $end (i32.add (local.get $at) (local.get $length)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $class (i32.load8_u (i32.load8_u (local.get $at))))
        (if (local.get $class)
          (then
            (local.set $hash (i32.xor (i32.rotl (local.get $hash) (i32.const 5)) (local.get $class)))
            (local.set $inWord (i32.const 1)))
          (else
            (if (local.get $inWord)
              (then
                ;; The word ends: one lookup of its hash's bit.
                (local.set $bit (i32.shr_u (i32.mul (local.get $hash) (i32.const 0x9e3779b1)) (i32.const 14)))
                (local.set $hits
                  (i32.add (local.get $hits)
                    (i32.and
                      (i32.shr_u
                        (i32.load8_u offset=1024 (i32.shr_u (local.get $bit) (i32.const 3)))
                        (i32.and (local.get $bit) (i32.const 7)))
                      (i32.const 1))))
                (local.set $hash (i32.const 0))
                (local.set $inWord (i32.const 0))))))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    (local.get $hits)))
