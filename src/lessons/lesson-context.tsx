import { createContext, useContext } from 'react';

/** The lesson being shown, for blocks that save progress (tasks, quizzes). */
export const LessonIdContext = createContext<string>('');
export const useLessonId = () => useContext(LessonIdContext);
