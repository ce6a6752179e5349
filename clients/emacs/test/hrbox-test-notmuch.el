;;; hrbox-test-driver.el --- Drive hrbox.el through notmuch in batch mode -*- lexical-binding: t -*-

;;; Commentary:

;; The end-to-end test runs
;;
;;   emacs --batch -Q -l hrbox.el -l hrbox-test-driver.el
;;
;; with a temporary $HOME, a notmuch database of two messages and an
;; hrbox store holding the sample people.  The driver opens each message
;; with `notmuch-show', runs the hrbox commands with the answers to their
;; prompts given below, and prints what happened to stdout, one line per
;; step, for the test to check.  It exits with status 1 on the first
;; unexpected outcome.
;;
;; Environment: HRBOX_TEST_PROGRAM (the hrbox executable),
;; HRBOX_TEST_STORE and HRBOX_TEST_CONFIG (passed as --store and --config),
;; and optionally HRBOX_TEST_NOTMUCH_LISP, the folder holding notmuch.el.

;;; Code:

(require 'cl-lib)
(require 'hrbox)

(defconst hrbox-test-sick-note "id:sick-note-1187@example.net"
  "The notmuch query of the message from Jürgen Weißmüller.")

(defconst hrbox-test-unknown-sender "id:question-1@example.com"
  "The notmuch query of the message from a sender who is no person.")

(defun hrbox-test-print (format-string &rest arguments)
  "Print FORMAT-STRING with ARGUMENTS as one line on stdout."
  (princ (concat (apply #'format format-string arguments) "\n")))

(defun hrbox-test-fail (format-string &rest arguments)
  "Print FORMAT-STRING with ARGUMENTS as a failure and exit with status 1."
  (hrbox-test-print "FAILED: %s" (apply #'format format-string arguments))
  (kill-emacs 1))

(defun hrbox-test-load-notmuch ()
  "Load notmuch.el, which `emacs -Q' leaves off the load path."
  (let ((folder (or (getenv "HRBOX_TEST_NOTMUCH_LISP")
                    (car (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/notmuch-*")))))
    (unless folder
      (hrbox-test-fail "notmuch.el not found; install elpa-notmuch or set HRBOX_TEST_NOTMUCH_LISP"))
    (add-to-list 'load-path folder)
    (require 'notmuch)))

;;;; Answers to prompts

(defvar hrbox-test-answers nil
  "The answers still to give, as (PROMPT-REGEXP . ANSWER) in the order asked.
An ANSWER of nil accepts the prompt's default.")

(defun hrbox-test-next-answer (prompt)
  "Return the answer for PROMPT, failing when it is not the prompt expected."
  (let ((expected (pop hrbox-test-answers)))
    (unless (and expected (string-match-p (car expected) prompt))
      (hrbox-test-fail "asked \"%s\", expected %S" prompt (car expected)))
    (cdr expected)))

(defun hrbox-test-completing-read (prompt collection &optional _predicate require-match
                                          _initial _history default &rest _)
  "Answer PROMPT from `hrbox-test-answers', checking it against COLLECTION.
With REQUIRE-MATCH, the answer must be one of the candidates.  An answer
of nil returns DEFAULT."
  (let ((candidates (all-completions "" collection))
        (answer (hrbox-test-next-answer prompt)))
    (hrbox-test-print "PROMPT %s| %s" prompt (string-join candidates " | "))
    (let ((chosen (or answer (if (consp default) (car default) default) "")))
      (when (and require-match (not (string-empty-p chosen)) (not (member chosen candidates)))
        (hrbox-test-fail "answer %S is not among the candidates of \"%s\"" chosen prompt))
      (hrbox-test-print "ANSWER %s" chosen)
      chosen)))

(defun hrbox-test-completing-read-multiple (prompt collection &rest _)
  "Answer PROMPT with a list of candidates of COLLECTION."
  (let ((candidates (all-completions "" collection))
        (answer (hrbox-test-next-answer prompt)))
    (hrbox-test-print "PROMPT %s| %s" prompt (string-join candidates " | "))
    (dolist (chosen answer)
      (unless (member chosen candidates)
        (hrbox-test-fail "answer %S is not among the candidates of \"%s\"" chosen prompt)))
    (hrbox-test-print "ANSWER %s" (string-join answer ", "))
    answer))

(defun hrbox-test-read-string (prompt &optional _initial _history default &rest _)
  "Answer PROMPT from `hrbox-test-answers'; an answer of nil returns DEFAULT."
  (let ((answer (or (hrbox-test-next-answer prompt)
                    (if (consp default) (car default) default)
                    "")))
    (hrbox-test-print "PROMPT %s" prompt)
    (hrbox-test-print "ANSWER %s" answer)
    answer))

(defvar hrbox-test-last-message nil
  "The last text shown in the echo area, which batch mode writes to stderr only.")

(defun hrbox-test-record-message (text)
  "Record TEXT, the value of `message', in `hrbox-test-last-message'."
  (setq hrbox-test-last-message text))

(advice-add 'message :filter-return #'hrbox-test-record-message)

(defun hrbox-test-run (name answers command)
  "Run COMMAND for step NAME, answering its prompts with ANSWERS.
Print the step's echo-area message and return COMMAND's value."
  (setq hrbox-test-answers answers)
  (setq hrbox-test-last-message nil)
  (hrbox-test-print "STEP %s" name)
  (let ((value (cl-letf (((symbol-function 'completing-read) #'hrbox-test-completing-read)
                         ((symbol-function 'completing-read-multiple)
                          #'hrbox-test-completing-read-multiple)
                         ((symbol-function 'read-string) #'hrbox-test-read-string))
                 (funcall command))))
    (when hrbox-test-answers
      (hrbox-test-fail "%s did not ask %S" name (mapcar #'car hrbox-test-answers)))
    (when hrbox-test-last-message
      (hrbox-test-print "MESSAGE %s" hrbox-test-last-message))
    value))

(defun hrbox-test-expect-user-error (name answers command)
  "Run COMMAND for step NAME with ANSWERS and print the `user-error' it must signal."
  (condition-case failure
      (progn
        (hrbox-test-run name answers command)
        (hrbox-test-fail "%s succeeded, but it should have failed" name))
    (user-error
     (hrbox-test-print "USER-ERROR %s" (error-message-string failure)))))

;;;; The steps

(defun hrbox-test-open (query)
  "Open the message QUERY with `notmuch-show' and return its buffer."
  (notmuch-show query)
  (unless (derived-mode-p 'notmuch-show-mode)
    (hrbox-test-fail "notmuch-show did not open %s" query))
  (current-buffer))

(defun hrbox-test-print-lookup-buffer ()
  "Print the buffer `hrbox-lookup' filled."
  (hrbox-test-print "LOOKUP-BEGIN")
  (princ (with-current-buffer "*hrbox*" (buffer-substring-no-properties (point-min) (point-max))))
  (hrbox-test-print "LOOKUP-END"))

(defun hrbox-test-sick-note-steps ()
  "Look up, start a case, store and plan a to-do for the sick note."
  (with-current-buffer (hrbox-test-open hrbox-test-sick-note)
    (hrbox-test-run "lookup" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer)

    (hrbox-test-expect-user-error
     "add-case with an impossible date"
     '(("Case type" . "Sick leave") ("Start date" . "2026-02-30"))
     #'hrbox-add-case)
    (hrbox-test-run "add-case" '(("Case type" . "Sick leave") ("Start date" . "2026-11-30"))
                    #'hrbox-add-case)

    (hrbox-test-run "store to the person found" nil #'hrbox-store)
    (hrbox-test-run "store with a chosen case"
                    '(("Person" . nil) ("File under" . "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)"))
                    (lambda () (hrbox-store '(4))))
    (hrbox-test-run "store for a person found by a search"
                    '(("Person" . "NW-1042"))
                    (lambda () (hrbox-store '(4))))

    (hrbox-test-run "store for a second person"
                    '(("File under" . nil) ("Search person" . "novak"))
                    #'hrbox-store-second)

    (hrbox-test-run "add-todo"
                    '(("To-do" . "Ask for the follow-up certificate")
                      ("Assigned to" . "Paul Weiss (pweiss)")
                      ("Shared with" . ("Mara Keller (mkeller)"))
                      ("Due date" . "2026-12-07")
                      ("File under" . "Sick leave 2026-11-30 (Sick leave, since 2026-11-30)"))
                    #'hrbox-add-todo)

    (hrbox-test-run "lookup after storing" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer)))

(defun hrbox-test-unknown-sender-steps ()
  "Try to store a message whose sender is no person."
  (with-current-buffer (hrbox-test-open hrbox-test-unknown-sender)
    (hrbox-test-run "lookup of the unknown sender" nil #'hrbox-lookup)
    (hrbox-test-print-lookup-buffer)
    (hrbox-test-expect-user-error "store from the unknown sender" nil #'hrbox-store)
    (hrbox-test-run "add-person"
                    '(("Address" . nil) ("First name" . nil) ("Last name" . nil)
                      ("Status" . "applicant") ("Employee number" . ""))
                    #'hrbox-add-person)
    (hrbox-test-run "store after registering the sender" nil #'hrbox-store)))

(defun hrbox-test-stop ()
  "Stop the server and print how its process ended."
  (let ((process hrbox--process))
    (unless process
      (hrbox-test-fail "no hrbox process is running before hrbox-stop"))
    (hrbox-test-print "STOP returned %S" (hrbox-stop))
    (hrbox-test-print "PROCESS %s %d" (process-status process) (process-exit-status process))))

(defun hrbox-test-main ()
  "Run every step, exiting with status 1 on an unexpected error."
  (condition-case failure
      (progn
        (hrbox-test-load-notmuch)
        (setq hrbox-program (or (getenv "HRBOX_TEST_PROGRAM") "hrbox"))
        (setq hrbox-arguments (list "--store" (getenv "HRBOX_TEST_STORE")
                                    "--config" (getenv "HRBOX_TEST_CONFIG")))
        (hrbox-test-sick-note-steps)
        (hrbox-test-unknown-sender-steps)
        (hrbox-test-stop))
    (error (hrbox-test-fail "%s" (error-message-string failure)))))

(hrbox-test-main)

;;; hrbox-test-driver.el ends here
